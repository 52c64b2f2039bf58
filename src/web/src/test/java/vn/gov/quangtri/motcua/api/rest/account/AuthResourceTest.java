package vn.gov.quangtri.motcua.api.rest.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reading the token endpoint's body: a form or JSON, nothing else (a client's mistake is a 4xx, never a 500). */
class AuthResourceTest {

    @Test
    @DisplayName("A form is decoded (UTF-8, +, %-escapes); the first of a repeated field counts")
    void form() {
        assertEquals(Map.of("grant_type", "password", "username", "tiepnhan.vinhlinh", "password", "Mật khẩu+1 &"),
            AuthResource.fields("application/x-www-form-urlencoded; charset=UTF-8",
                "grant_type=password&username=tiepnhan.vinhlinh&password=M%E1%BA%ADt+kh%E1%BA%A9u%2B1+%26"
                    + "&username=other"));
        assertNull(AuthResource.fields("application/x-www-form-urlencoded", "password=%E1%B"), "broken escape");
    }

    @Test
    @DisplayName("A JSON object gives its string fields; other JSON, other media types and no type with a body: none")
    void json() {
        assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", "abc"),
            AuthResource.fields("application/json", "{\"grant_type\":\"refresh_token\",\"refresh_token\":\"abc\",\"n\":1}"));
        assertNull(AuthResource.fields("application/json", "[1,2]"));
        assertNull(AuthResource.fields("application/json", "{\"grant_type\":"));
        assertNull(AuthResource.fields("text/plain", "grant_type=password"));
        assertNull(AuthResource.fields(null, "grant_type=password"));
        assertEquals(Map.of(), AuthResource.fields(null, ""));
        assertEquals(Map.of(), AuthResource.fields("application/json", null));
    }
}
