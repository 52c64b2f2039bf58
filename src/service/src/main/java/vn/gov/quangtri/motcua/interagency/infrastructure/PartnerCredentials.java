package vn.gov.quangtri.motcua.interagency.infrastructure;

import java.util.Optional;
import java.util.function.Function;
import vn.gov.quangtri.motcua.interagency.application.PartnerPolicy;
import vn.gov.quangtri.motcua.interagency.domain.PartnerSystem;

/**
 * Resolves a partner's outbound credential reference (the API key the partner gave us) without ever storing
 * the secret in the database. The reference is a name, e.g. {@code motcua-partner-qt-loopback-dat}
 * ({@code ${ALIAS=name}} is accepted too), looked up as a MicroProfile Config property, which covers (first
 * found wins):
 * <ul>
 *   <li>a Payara password alias through the config file or store:
 *       {@code asadmin create-password-alias motcua-partner-qt-loopback-dat} and then
 *       {@code asadmin set-config-property --source=domain --propertyName=motcua-partner-qt-loopback-dat
 *       --propertyValue='${ALIAS=motcua-partner-qt-loopback-dat}'};</li>
 *   <li>a JVM system property of that name;</li>
 *   <li>an environment variable of the server process, the name upper-cased with every other character
 *       as {@code _}: {@code MOTCUA_PARTNER_QT_LOOPBACK_DAT} (MicroProfile Config's mapping, also tried here
 *       directly).</li>
 * </ul>
 * Only names of the partner namespace are ever looked up ({@link PartnerPolicy#CREDENTIAL_NAME}:
 * {@code motcua-partner-<name>}, {@code motcua.partner.<name>.key}): a reference naming any other property or
 * environment variable (a database password …) resolves to nothing, so it can never be sent to a partner
 * (security issue 16 §1).
 */
public final class PartnerCredentials implements Function<PartnerSystem, Optional<String>> {

    private final Function<String, Optional<String>> lookup;

    /** @param lookup a config lookup by property name (in the server: MicroProfile Config, then the environment) */
    public PartnerCredentials(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    @Override
    public Optional<String> apply(PartnerSystem partner) {
        return resolve(partner.outboundCredentialRef());
    }

    /**
     * The secret named by a reference; empty for a blank reference, a name outside the partner namespace, or when
     * nothing is configured.
     */
    public Optional<String> resolve(String reference) {
        String name = name(reference);
        if (name == null || !PartnerPolicy.CREDENTIAL_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Optional<String> v = lookup.apply(name).filter(s -> !s.isBlank());
        if (v.isEmpty()) {
            v = lookup.apply(environmentName(name)).filter(s -> !s.isBlank());
        }
        return v.map(String::strip);
    }

    /** The property name in a reference: {@code ${ALIAS=x}} → {@code x}; null when blank. */
    static String name(String reference) {
        return PartnerPolicy.credentialName(reference);
    }

    /** MicroProfile Config's environment-variable form: non-alphanumerics as '_', upper case. */
    static String environmentName(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
