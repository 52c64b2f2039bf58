package vn.gov.quangtri.motcua.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.api.rest.ProblemDto;

/** Issue 16 (fresh-user trial): the kiosk's 403 has the shape of every other problem of the API. */
class KioskFilterTest {

    @Test
    void theKioskRefusalIsAProblemLikeTheOthers() {
        JsonObject o = Json.createReader(new StringReader(KioskFilter.problem("/motcua/api/v1/dossiers\"x"))).readObject();
        assertEquals(Arrays.stream(ProblemDto.class.getRecordComponents()).map(c -> c.getName()).toList(),
            List.copyOf(o.keySet()), "the members of ProblemDto, in its order");
        assertEquals("urn:motcua:problem:kiosk-only", o.getString("type"), "urn:motcua:problem:<reason>, as Problems.of");
        assertEquals("Forbidden", o.getString("title"));
        assertEquals(403, o.getInt("status"));
        assertEquals("KIOSK_ONLY", o.getString("reason"));
        assertEquals("/motcua/api/v1/dossiers\"x", o.getString("instance"), "escaped, not cut");
        assertEquals(0, o.getJsonArray("errors").size());
    }
}
