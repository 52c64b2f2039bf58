package vn.gov.quangtri.motcua.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.api.rest.account.AccountResource;
import vn.gov.quangtri.motcua.api.rest.calendar.CalendarYearResource;
import vn.gov.quangtri.motcua.api.rest.dossier.DossierDtos;
import vn.gov.quangtri.motcua.api.rest.interagency.PartnerResource;
import vn.gov.quangtri.motcua.api.rest.publicview.PublicRatingResource;

/**
 * Issue 16: request bodies are read strictly by the API's JSON-B ({@link JsonConfig}, {@link StrictJson}) with
 * Payara's JSON-B implementation (Yasson 3.0.4), and a refusal is described by field and plain reason
 * ({@link JsonErrors}), never with the binder's text.
 */
class JsonConfigTest {

    private final Jsonb jsonb = new JsonConfig().getContext(Object.class);

    /** The problem entry the API would answer for this body, or null when it binds. */
    private String refusal(String json, Class<?> type) {
        try {
            jsonb.fromJson(json, type);
            return null;
        } catch (JsonbException e) {
            return JsonErrors.describe(e);
        }
    }

    @Test
    @DisplayName("Whole numbers: a fraction, a number beyond the type, a text or true for an Integer/Long is refused,"
        + " naming the field and a plain reason; 3.0 and the extremes bind")
    void wholeNumbers() {
        assertEquals("year: a whole number from -2147483648 to 2147483647, not a fraction",
            refusal("{\"year\":2027.5}", CalendarYearResource.NewYearDto.class));
        assertEquals("year: a whole number from -2147483648 to 2147483647; the number is out of range",
            refusal("{\"year\":4294967297}", CalendarYearResource.NewYearDto.class));
        assertEquals("year: a whole number from -2147483648 to 2147483647, not a text",
            refusal("{\"year\":\"2027\"}", CalendarYearResource.NewYearDto.class));
        assertEquals("year: a whole number from -2147483648 to 2147483647; the number is out of range",
            refusal("{\"year\":1e999999999}", CalendarYearResource.NewYearDto.class));
        assertEquals(2028, jsonb.fromJson("{\"year\":2028.0}", CalendarYearResource.NewYearDto.class).year());
        assertNull(jsonb.fromJson("{\"year\":null}", CalendarYearResource.NewYearDto.class).year());
        assertEquals("leg: a whole number from -2147483648 to 2147483647, not a fraction",
            refusal("{\"leg\":1.5}", DossierDtos.ActionDto.class));
        assertEquals("expectedVersion: a whole number from -9223372036854775808 to 9223372036854775807; the number is"
            + " out of range", refusal("{\"expectedVersion\":9223372036854775808}", DossierDtos.ActionDto.class));
        assertEquals("expectedVersion: a whole number from -9223372036854775808 to 9223372036854775807, not true/false",
            refusal("{\"expectedVersion\":true}", DossierDtos.ActionDto.class));
        DossierDtos.ActionDto ok = jsonb.fromJson("{\"expectedVersion\":9223372036854775807,\"leg\":-2147483648}",
            DossierDtos.ActionDto.class);
        assertEquals(Long.MAX_VALUE, ok.expectedVersion());
        assertEquals(Integer.MIN_VALUE, ok.leg());
    }

    @Test
    @DisplayName("Yes/no fields take only true or false; texts only JSON strings (a number was stored as text)")
    void flagsAndTexts() {
        assertEquals("active: true or false, not a text",
            refusal("{\"active\":\"yes\",\"reason\":\"x\"}", AccountResource.AccountActiveDto.class));
        assertEquals("active: true or false, not a number",
            refusal("{\"active\":1,\"reason\":\"x\"}", AccountResource.AccountActiveDto.class));
        assertFalse(jsonb.fromJson("{\"active\":false,\"reason\":\"x\"}", AccountResource.AccountActiveDto.class).active());
        assertEquals("note: a text in quotes, not a number", refusal("{\"note\":12}", DossierDtos.ActionDto.class));
        assertEquals("reason: a text in quotes, not true/false", refusal("{\"reason\":true}", DossierDtos.ActionDto.class));
        assertEquals("note: a text in quotes, not an object", refusal("{\"note\":{\"a\":1}}", DossierDtos.ActionDto.class));
        assertEquals("items: a text in quotes, not a number", refusal("{\"items\":[\"a\",7]}", DossierDtos.ActionDto.class));
        assertEquals("answers.criterion: a text in quotes, not a number", refusal("{\"code\":\"x\",\"answers\":"
            + "[{\"criterion\":1,\"level\":\"SATISFIED\"}]}", PublicRatingResource.RatingRequest.class));
        assertEquals("Ghi chú 12", jsonb.fromJson("{\"note\":\"Ghi chú 12\"}", DossierDtos.ActionDto.class).note());
    }

    @Test
    @DisplayName("Refusals never show the binder's text: no class names, no 'Unable to deserialize', no token dump")
    void noParserInternals() {
        for (String body : List.of("{\"leg\":1.5}", "{\"note\":12}", "{\"expectedVersion\":\"1\"}", "{\"handler\":[1]}")) {
            String r = refusal(body, DossierDtos.ActionDto.class);
            assertFalse(r.matches("(?s).*(Exception|java\\.|jakarta\\.|yasson|Yasson|Parsson|Unable|deserializ|VALUE_|"
                + "Integer|Long|Boolean|String).*"), r);
        }
    }

    @Test
    @DisplayName("Every request body of every resource (records reached from the method's entity parameter, through lists"
        + " and maps) declares boxed scalars (JSON-B reads primitive fields with its own lenient readers)")
    void requestRecordsUseBoxedScalars() throws Exception {
        Set<Class<?>> bodies = new LinkedHashSet<>();
        Path classes = Path.of(JsonConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes.resolve("vn/gov/quangtri/motcua/api"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    for (Method m : type.getDeclaredMethods()) {
                        entityOf(m).ifPresent(t -> collectRecords(t, bodies));
                    }
                }
            }
        }
        assertTrue(bodies.contains(DossierDtos.IntakeDto.class) && bodies.contains(PartnerResource.NewPartnerDto.class)
            && bodies.contains(PublicRatingResource.AnswerDto.class) && bodies.size() > 14,
            "the scan finds the bodies: " + bodies);
        List<String> primitive = new ArrayList<>();
        for (Class<?> record : bodies) {
            for (RecordComponent c : record.getRecordComponents()) {
                if (c.getType().isPrimitive()) {
                    primitive.add(record.getSimpleName() + "." + c.getName());
                }
            }
        }
        assertEquals(List.of(), primitive);
        assertThrows(JsonbException.class, () -> jsonb.fromJson("{\"unknown\":1}", DossierDtos.ActionDto.class));
    }

    /** The entity (body) parameter of a resource method: the one parameter without a JAX-RS or bean annotation. */
    private static java.util.Optional<Type> entityOf(Method m) {
        if (!m.isAnnotationPresent(jakarta.ws.rs.POST.class) && !m.isAnnotationPresent(jakarta.ws.rs.PUT.class)
            && !m.isAnnotationPresent(jakarta.ws.rs.PATCH.class)) {
            return java.util.Optional.empty();
        }
        for (int i = 0; i < m.getParameterCount(); i++) {
            boolean annotated = java.util.Arrays.stream(m.getParameterAnnotations()[i]).anyMatch(a ->
                a.annotationType().getPackageName().startsWith("jakarta.ws.rs")
                    || a.annotationType().getPackageName().startsWith("jakarta.inject"));
            if (!annotated) {
                return java.util.Optional.of(m.getGenericParameterTypes()[i]);
            }
        }
        return java.util.Optional.empty();
    }

    /** Records reachable from a body type: itself, its components, the arguments of lists and maps. */
    private static void collectRecords(Type t, Set<Class<?>> out) {
        if (t instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) {
                collectRecords(arg, out);
            }
        } else if (t instanceof Class<?> c && c.isRecord() && out.add(c)) {
            for (RecordComponent rc : c.getRecordComponents()) {
                collectRecords(rc.getGenericType(), out);
            }
        }
    }
}
