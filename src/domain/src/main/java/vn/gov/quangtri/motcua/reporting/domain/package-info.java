/**
 * The periodic report on handling procedures (docs/domain.md §6) as pure computation: {@code ReportPeriod}, one
 * flat row per dossier ({@code DossierFacts}), {@code PeriodStatistics} (rows per unit, total, the two balance
 * identities) and {@code UnitStatistics} (counts and rates). May use plain Java, JPA mapping annotations and
 * other {@code *.domain} packages (mostly {@code shared.domain}); no EJB, CDI, JAX-RS, Faces or service code,
 * so everything here is unit-tested without a server.
 */
package vn.gov.quangtri.motcua.reporting.domain;
