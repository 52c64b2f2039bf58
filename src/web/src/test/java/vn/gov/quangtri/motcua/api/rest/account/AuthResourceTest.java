package vn.gov.quangtri.motcua.api.rest.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reading the token endpoint's body: a form or JSON, nothing else (a client's mistake is a 4xx, never a 500). */
class AuthResourceTest {

    @Test
    @DisplayName("A form is decoded (UTF-8, +, %-escapes); the first of a repeated field counts; a broken escape is an error")
    void form() {
        assertEquals(Map.of("grant_type", "password", "username", "tiepnhan.vinhlinh", "password", "Mật khẩu+1 &"),
            AuthResource.fields("application/x-www-form-urlencoded; charset=UTF-8",
                "grant_type=password&username=tiepnhan.vinhlinh&password=M%E1%BA%ADt+kh%E1%BA%A9u%2B1+%26"
                    + "&username=other"));
        assertThrows(IllegalArgumentException.class,
            () -> AuthResource.fields("application/x-www-form-urlencoded", "password=%E1%B"), "broken escape: 400");
    }

    @Test
    @DisplayName("A JSON object gives its string fields; other or malformed JSON is an error (400); other media types: none (415)")
    void json() {
        assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", "abc"),
            AuthResource.fields("application/json", "{\"grant_type\":\"refresh_token\",\"refresh_token\":\"abc\",\"n\":1}"));
        assertThrows(IllegalArgumentException.class, () -> AuthResource.fields("application/json", "[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> AuthResource.fields("application/json", "{\"grant_type\":"));
        assertNull(AuthResource.fields("text/plain", "grant_type=password"));
        assertNull(AuthResource.fields(null, "grant_type=password"));
        assertEquals(Map.of(), AuthResource.fields(null, ""));
        assertEquals(Map.of(), AuthResource.fields("application/json", null));
    }
}
