/**
 * Small things every context uses: the domain exceptions ({@code DomainException} and its 404/403/409/422
 * kinds), Vietnam time ({@code VietnamTime}) and the JPA converters that store instants and dates without the
 * JVM zone, Vietnamese collation and diacritic-free search folding ({@code VietnameseCollation},
 * {@code TextSearch}), and text limits ({@code Texts}). May use plain Java, JPA mapping annotations and other
 * {@code *.domain} packages (mostly {@code shared.domain}); no EJB, CDI, JAX-RS, Faces or service code, so
 * everything here is unit-tested without a server.
 */
package vn.gov.quangtri.motcua.shared.domain;
