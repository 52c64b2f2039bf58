/**
 * The periodic report on handling procedures (docs/domain.md §6) as pure computation: {@code ReportPeriod}, one
 * flat row per dossier ({@code DossierFacts}), {@code PeriodReport} (rows by unit, field, level or
 * procedure, the total, the two balance identities), {@code PeriodFigures} (counts and rates) and
 * {@code PeriodBucket} (where one dossier counts). May use plain Java, JPA mapping annotations and
 * other {@code *.domain} packages (mostly {@code shared.domain}); no EJB, CDI, JAX-RS, Faces or service code,
 * so everything here is unit-tested without a server.
 */
package vn.gov.quangtri.motcua.reporting.domain;
