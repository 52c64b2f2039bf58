package vn.gov.quangtri.motcua.api.rest;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Gives every resource method its request-body check ({@link BodyHygiene}) with its size limit: the method's or
 * class's {@link BodyLimit}, else the API default, MicroProfile Config {@code motcua.api.body-limit-kib} (256 KiB).
 */
@Provider
public class BodyLimits implements DynamicFeature {

    /** Configuration key of the default limit, in KiB. */
    public static final String DEFAULT_KEY = "motcua.api.body-limit-kib";
    /** Default limit of a JSON request body (KiB). */
    public static final int DEFAULT_KIB = 256;

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        context.register(new BodyHygiene(limitBytes(resource)));
    }

    static long limitBytes(ResourceInfo resource) {
        Config config = ConfigProvider.getConfig();
        BodyLimit limit = resource.getResourceMethod() == null ? null
            : resource.getResourceMethod().getAnnotation(BodyLimit.class);
        if (limit == null && resource.getResourceClass() != null) {
            limit = resource.getResourceClass().getAnnotation(BodyLimit.class);
        }
        int kib = config.getOptionalValue(DEFAULT_KEY, Integer.class).orElse(DEFAULT_KIB);
        if (limit != null) {
            kib = config.getOptionalValue(DEFAULT_KEY + "." + limit.name(), Integer.class).orElse(limit.kib());
        }
        return Math.max(1, kib) * 1024L;
    }
}
