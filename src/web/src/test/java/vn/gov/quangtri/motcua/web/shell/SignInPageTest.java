package vn.gov.quangtri.motcua.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 16 (fresh-user trial): the sign-in page's {@code continue} target never leaves the application. */
class SignInPageTest {

    @Test
    @DisplayName("Back-office and public paths (with a query) are kept; anything that could leave the context root goes home")
    void continueTargets() {
        for (String ok : List.of("/app/inbox.xhtml", "/app/dossier.xhtml?code=000.00.60.H50-260310-0001",
                "/app/admin/accounts.xhtml", "/app/search.xhtml?q=Nguy%E1%BB%85n+V%C4%83n&status=RECEIVED",
                "/public/lookup.xhtml?code=000.00.60.H50-260310-0001")) {
            assertEquals(ok, SignInPage.safeTarget(ok), ok);
        }
        for (String bad : Arrays.asList(null, "", "/", "/app", "/app/", "//evil.example/app/x", "/app//evil.example",
                "/app/../../evil", "/app/./x", "/app/%2e%2e/%2e%2e/evil", "/app/..%2F..%2Fevil", "/app\\\\evil",
                "/app/\\\\evil.example", "https://evil.example/app/x", "/app/x.xhtml#frag", "/app/x\r\nLocation: http://e",
                "/api/v1/dossiers", "/login.xhtml", "/app/x.xhtml?next=http://evil.example/a b", "/app/x?%zz",
                "/app/x?a=%0", "/app/" + "x".repeat(2000), "/app/@evil.example", "/app/x?a=<script>")) {
            assertEquals(SignInPage.HOME, SignInPage.safeTarget(bad), String.valueOf(bad));
        }
    }
}
