package vn.gov.quangtri.motcua.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every reason code a domain or service refusal can carry has a text in both languages, so that the screens never
 * fall back to the code or to the service's English (issue 9 §8). The codes are read from the main sources of
 * the domain, service and web modules.
 */
class ReasonTextsTest {

    private static final Pattern THROWN = Pattern.compile("Exception\\(\"([A-Z][A-Z_]{2,})\"");

    private static Set<String> reasonsInSources() throws IOException {
        Set<String> reasons = new TreeSet<>();
        for (String module : List.of("../domain", "../service", ".")) {
            try (Stream<Path> files = Files.walk(Path.of(module, "src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = THROWN.matcher(Files.readString(f));
                    while (m.find()) {
                        reasons.add(m.group(1));
                    }
                }
            }
        }
        return reasons;
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ReasonTextsTest.class.getResourceAsStream("/vn/gov/quangtri/motcua/web/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    @DisplayName("Each refusal's reason code has a Vietnamese and an English text")
    void everyReasonHasTexts() throws IOException {
        Set<String> reasons = reasonsInSources();
        assertTrue(reasons.contains("CONCURRENT_CHANGE") && reasons.contains("STEP_OF_PARTNER_AGENCY"), reasons.toString());
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties texts = bundle(bundle);
            Set<String> missing = new TreeSet<>();
            for (String r : reasons) {
                if (texts.getProperty("reason." + r, "").isBlank()) {
                    missing.add(r);
                }
            }
            assertEquals(Set.of(), missing, bundle);
        }
    }
}
