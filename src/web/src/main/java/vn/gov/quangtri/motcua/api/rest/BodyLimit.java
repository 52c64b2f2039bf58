package vn.gov.quangtri.motcua.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body a resource method (or every method of a resource class) accepts, when it differs from
 * the API's default ({@code motcua.api.body-limit-kib}, 256 KiB). Larger bodies are answered 413
 * {@code BODY_TOO_LARGE} before anything reads them ({@link BodyHygiene}). The limit can be changed without a
 * rebuild with the MicroProfile Config key {@code motcua.api.body-limit-kib.<name>}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BodyLimit {

    /** Name of the limit in the configuration key {@code motcua.api.body-limit-kib.<name>}. */
    String name();

    /** The limit in KiB when the configuration does not set one. */
    int kib();
}
