package vn.gov.quangtri.motcua.shared.domain;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.Reader;

/**
 * The JSON-P entry points of {@link jakarta.json.Json}, served by one provider looked up once.
 * <p>
 * Every {@code Json.createXxx} call looks the provider up again through {@link java.util.ServiceLoader}, which in
 * an application server walks the class loaders' resources: issue 12's profile of a REST intake found 19 % of the
 * server's CPU there (the body check, the portal message). The provider's factories are safe for concurrent use.
 */
public final class JsonFactories {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonFactories() {
    }

    /** As {@link jakarta.json.Json#createObjectBuilder()}. */
    public static JsonObjectBuilder createObjectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    /** As {@link jakarta.json.Json#createArrayBuilder()}. */
    public static JsonArrayBuilder createArrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    /** As {@link jakarta.json.Json#createReader(Reader)}. */
    public static JsonReader createReader(Reader reader) {
        return PROVIDER.createReader(reader);
    }

    /** As {@link jakarta.json.Json#createParser(Reader)}. */
    public static JsonParser createParser(Reader reader) {
        return PROVIDER.createParser(reader);
    }
}
