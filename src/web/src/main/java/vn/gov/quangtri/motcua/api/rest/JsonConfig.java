package vn.gov.quangtri.motcua.api.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B settings of the API: absent values are written as {@code null} rather than left out, so that a
 * dossier without an appointment yet reads {@code "dueAt": null} and every documented field is always present;
 * a request body with a field the operation does not know is refused (400 {@code UNKNOWN_FIELD} naming it,
 * {@link ExceptionMappers}) rather than silently dropped, so a client with a misspelt field learns of it; numbers,
 * yes/no fields and texts are read strictly ({@link StrictJson}: {@code 1.5} or {@code 4294967297} for a whole
 * number, {@code "yes"} for a yes/no field, {@code 12} for a text are 400 {@code MALFORMED_JSON} naming the field).
 */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

    /** Yasson's setting (the JSON-B implementation of Payara) that refuses unknown properties. */
    static final String FAIL_ON_UNKNOWN = "jsonb.fail-on-unknown-properties";

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true)
        .setProperty(FAIL_ON_UNKNOWN, true)
        .withDeserializers(new StrictJson.Ints(), new StrictJson.Longs(), new StrictJson.Booleans(),
            new StrictJson.Strings()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
