package vn.gov.quangtri.motcua.interagency.application;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import vn.gov.quangtri.motcua.interagency.domain.EndpointStyle;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeOperation;
import vn.gov.quangtri.motcua.interagency.domain.PartnerSystem;

/**
 * How we call a partner: the checks before every call and the {@link Delivery} they lead to, shared by the outbox
 * sender ({@link DispatchRun}) and the transfer reconciliation's questions ({@link TransferReconciliation}). A partner
 * is called only when it is registered and active, its endpoint and credential reference pass {@link PartnerPolicy}
 * (checked again at every call: a host may resolve elsewhere now), and the credential it names is configured.
 */
public final class PartnerCalls {

    /** A call that can be made, or why not. */
    public record Prepared(Delivery delivery, String problem) {
        public boolean possible() {
            return delivery != null;
        }
    }

    private final Function<PartnerSystem, Optional<String>> credentials;
    private final PartnerPolicy policy;
    private final String client;
    private final String servicePrefix;

    /**
     * @param credentials   the API key we present to a partner (empty: none configured)
     * @param policy        what a partner's endpoint and credential reference may be
     * @param client        our X-Road client code
     * @param servicePrefix X-Road service prefix; the service is {@code prefix/<operation wire name>}
     */
    public PartnerCalls(Function<PartnerSystem, Optional<String>> credentials, PartnerPolicy policy, String client,
                        String servicePrefix) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.client = client;
        this.servicePrefix = servicePrefix;
    }

    /**
     * The call of one message to a partner, or the problem that prevents it (English, as the outbox's last error).
     *
     * @param partner   the partner, empty when not registered
     * @param partnerCode its code (for the problem text)
     * @param messageId the X-Road message id
     */
    public Prepared prepare(Optional<PartnerSystem> partner, String partnerCode, String messageId,
                            ExchangeOperation operation, String payload) {
        Target t = target(partner, partnerCode);
        if (t.problem() != null) {
            return new Prepared(null, t.problem());
        }
        PartnerSystem p = partner.get();
        return new Prepared(new Delivery(p.code(), p.endpointUrl(), p.style(), t.apiKey(), client,
            servicePrefix + "/" + operation.wireName(), "system", messageId, operation, payload), null);
    }

    /**
     * Where and with which key a partner may be called now.
     *
     * @param endpoint its endpoint URL (null with a problem)
     * @param style    REST or SOAP
     * @param apiKey   the key we present, null when none is configured
     * @param problem  why it may not be called (English), or null
     */
    public record Target(String endpoint, EndpointStyle style, String apiKey, String problem) {
    }

    /** The checks of {@link #prepare} without a message: for other calls to a partner (file downloads). */
    public Target target(Optional<PartnerSystem> partner, String partnerCode) {
        if (partner.isEmpty() || !partner.get().active()) {
            return new Target(null, null, null, "Partner system " + partnerCode + " is unknown or inactive");
        }
        PartnerSystem p = partner.get();
        Optional<String> refused = policy.sendProblem(p.endpointUrl(), p.outboundCredentialRef());
        if (refused.isPresent()) {
            return new Target(null, null, null, "Not sent to partner " + p.code() + ": " + refused.get());
        }
        Optional<String> key = credentials.apply(p);
        if (p.outboundCredentialRef() != null && !p.outboundCredentialRef().isBlank() && key.isEmpty()) {
            return new Target(null, null, null, "Credential '" + p.outboundCredentialRef() + "' of partner " + p.code()
                + " is not configured (password alias, config property or environment variable)");
        }
        return new Target(p.endpointUrl(), p.style(), key.orElse(null), null);
    }
}
