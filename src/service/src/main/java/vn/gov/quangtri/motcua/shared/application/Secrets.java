package vn.gov.quangtri.motcua.shared.application;

import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Looks up a named credential (a partner's API key, a gateway's key): the MicroProfile Config value of that name
 * (system property, Payara's config store or password alias), else the server process's environment variable of
 * exactly that name.
 */
public final class Secrets {

    private Secrets() {
    }

    /** @return the value, or empty when neither the configuration nor the environment has it */
    public static Optional<String> named(String name) {
        Optional<String> v = ConfigProvider.getConfig().getOptionalValue(name, String.class);
        return v.isPresent() ? v : Optional.ofNullable(System.getenv(name));
    }
}
