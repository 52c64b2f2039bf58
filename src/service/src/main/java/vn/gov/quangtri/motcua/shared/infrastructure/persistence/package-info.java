/**
 * {@code DatabaseMigrator}: runs the Flyway migrations ({@code db/migration}) at start-up, before anything else
 * touches the database. EclipseLink never creates tables.
 */
package vn.gov.quangtri.motcua.shared.infrastructure.persistence;
