/**
 * The tree of agencies and units (cơ quan, đơn vị): {@code Agency} with its electronic identifier (Decision
 * 20/2020/QĐ-TTg), level, kind, validity dates, parent and successor, and {@code AgencyFormerName}. The 2025
 * reorganisation is data here, not code (docs/domain.md §8.2). May use plain Java, JPA mapping annotations and
 * other {@code *.domain} packages (mostly {@code shared.domain}); no EJB, CDI, JAX-RS, Faces or service code,
 * so everything here is unit-tested without a server.
 */
package vn.gov.quangtri.motcua.agency.domain;
