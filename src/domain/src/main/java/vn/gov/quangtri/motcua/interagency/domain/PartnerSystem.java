package vn.gov.quangtri.motcua.interagency.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/**
 * A registered partner system (another agency's system, a ministry's, or this installation itself under
 * another agency code): the agencies it serves, where and how to call it, a reference to the credential
 * we present to it (the secret itself lives in the server's password aliases, never in the database),
 * and the SHA-256 hash of the API key it presents to us. Partners are not officer accounts: they act only
 * through the exchange, and only on transfers addressed to them.
 */
@Entity
@Table(name = "partner_system")
@NamedQuery(name = "PartnerSystem.byKeyHash", query = "SELECT p FROM PartnerSystem p WHERE p.inboundApiKeyHash = :hash")
@NamedQuery(name = "PartnerSystem.servingAgency",
    query = "SELECT p FROM PartnerSystem p JOIN p.agencyCodes a WHERE a = :agency AND p.active = TRUE ORDER BY p.code")
@NamedQuery(name = "PartnerSystem.all", query = "SELECT p FROM PartnerSystem p ORDER BY p.code")
public class PartnerSystem {

    /** Partner code: 2–60 upper-case letters, digits, '.', '_' or '-'. */
    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{1,59}");

    @Id
    @Column(name = "code", length = 60)
    private String code;

    @Column(name = "name", length = 300, nullable = false)
    private String name;

    @Column(name = "endpoint_url", length = 1000, nullable = false)
    private String endpointUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "style", length = 10, nullable = false)
    private EndpointStyle style;

    @Column(name = "outbound_credential_ref", length = 200)
    private String outboundCredentialRef;

    @Column(name = "inbound_api_key_hash", length = 64, nullable = false)
    private String inboundApiKeyHash;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "partner_system_agency", joinColumns = @JoinColumn(name = "partner_code"))
    @Column(name = "agency_code", length = 60)
    private Set<String> agencyCodes = new TreeSet<>();

    @Version
    @Column(name = "version")
    private long version;

    /** For JPA only. */
    protected PartnerSystem() {
    }

    /**
     * @param code                  partner code ({@link #CODE})
     * @param agencyCodes           the agencies this partner serves (at least one)
     * @param endpointUrl           http(s) URL of its endpoint
     * @param outboundCredentialRef name of the credential we present to it (password alias), may be null
     * @param inboundApiKeyHash     {@link #hashKey} of the API key it presents to us
     * @throws RuleViolationException {@code INVALID_PARTNER} listing every problem
     */
    public PartnerSystem(String code, String name, Set<String> agencyCodes, String endpointUrl, EndpointStyle style,
                         String outboundCredentialRef, String inboundApiKeyHash, Instant createdAt) {
        List<String> errors = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add("code: 2-60 upper-case letters, digits, '.', '_' or '-'");
        }
        if (inboundApiKeyHash == null || !inboundApiKeyHash.matches("[0-9a-f]{64}")) {
            errors.add("inboundApiKeyHash: SHA-256 hex");
        }
        this.code = code;
        this.createdAt = createdAt;
        this.inboundApiKeyHash = inboundApiKeyHash;
        this.active = true;
        errors.addAll(apply(name, agencyCodes, endpointUrl, style, outboundCredentialRef));
        if (!errors.isEmpty()) {
            throw new RuleViolationException("INVALID_PARTNER", "Partner system data invalid: " + errors, errors);
        }
    }

    /** Changes the partner's details (not its code or key). */
    public void update(String name, Set<String> agencyCodes, String endpointUrl, EndpointStyle style,
                       String outboundCredentialRef, boolean active) {
        List<String> errors = apply(name, agencyCodes, endpointUrl, style, outboundCredentialRef);
        if (!errors.isEmpty()) {
            throw new RuleViolationException("INVALID_PARTNER", "Partner system data invalid: " + errors, errors);
        }
        this.active = active;
    }

    /** Replaces the inbound API key (hash only). */
    public void replaceKeyHash(String hash) {
        this.inboundApiKeyHash = hash;
    }

    private List<String> apply(String name, Set<String> agencyCodes, String endpointUrl, EndpointStyle style,
                               String credentialRef) {
        List<String> errors = new ArrayList<>();
        if (name == null || name.isBlank() || vn.gov.quangtri.motcua.shared.domain.TextSearch.nfc(name).length() > 300) {
            errors.add("name: required, at most 300 characters");
        }
        if (agencyCodes == null || agencyCodes.isEmpty()) {
            errors.add("agencyCodes: at least one agency served");
        }
        if (style == null) {
            errors.add("style: REST or SOAP");
        }
        try {
            URI uri = new URI(endpointUrl == null ? "" : endpointUrl.strip());
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null
                || endpointUrl.length() > 1000) {
                errors.add("endpointUrl: an http(s) URL of at most 1000 characters");
            }
        } catch (URISyntaxException e) {
            errors.add("endpointUrl: not a URL");
        }
        if (credentialRef != null && credentialRef.length() > 200) {
            errors.add("outboundCredentialRef: at most 200 characters");
        }
        if (errors.isEmpty()) {
            this.name = vn.gov.quangtri.motcua.shared.domain.TextSearch.nfc(name.strip());
            this.agencyCodes.clear();
            this.agencyCodes.addAll(agencyCodes);
            this.endpointUrl = endpointUrl.strip();
            this.style = style;
            this.outboundCredentialRef = credentialRef;
        }
        return errors;
    }

    /** SHA-256 (hex) of an API key, as stored. */
    public static String hashKey(String apiKey) {
        return HashChain.sha256Hex(apiKey);
    }

    /** Whether the key matches the stored hash; compares in constant time. */
    public boolean keyMatches(String apiKey) {
        if (apiKey == null) {
            return false;
        }
        return MessageDigest.isEqual(hashKey(apiKey).getBytes(StandardCharsets.US_ASCII),
            inboundApiKeyHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether this partner serves (speaks for) the agency. */
    public boolean serves(String agencyCode) {
        return agencyCodes.contains(agencyCode);
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Set<String> agencyCodes() {
        return Collections.unmodifiableSet(agencyCodes);
    }

    public String endpointUrl() {
        return endpointUrl;
    }

    public EndpointStyle style() {
        return style;
    }

    public String outboundCredentialRef() {
        return outboundCredentialRef;
    }

    public String inboundApiKeyHash() {
        return inboundApiKeyHash;
    }

    public boolean active() {
        return active;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
