/**
 * Reference data loaded by migration: {@code V2__Reference_data} (a Java Flyway migration) and
 * {@code ReferenceDataImport}, which reads the CSV files of agencies, holidays and procedures with Commons CSV.
 */
package vn.gov.quangtri.motcua.shared.infrastructure.referencedata;
