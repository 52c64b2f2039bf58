/**
 * The procedure catalogue (thủ tục hành chính): {@code Procedure} with its revision, statutory time limit, fee,
 * required documents ({@code RequiredDocument}), approved internal process ({@code ProcessStepTemplate},
 * {@code StepRole}, {@code StepKind}) and inter-agency legs ({@code ProcedureLeg}); {@code AllotmentCheck}
 * compares the step allotments with the limit (docs/domain.md §3.6). May use plain Java, JPA mapping
 * annotations and other {@code *.domain} packages (mostly {@code shared.domain}); no EJB, CDI, JAX-RS, Faces or
 * service code, so everything here is unit-tested without a server.
 */
package vn.gov.quangtri.motcua.catalogue.domain;
