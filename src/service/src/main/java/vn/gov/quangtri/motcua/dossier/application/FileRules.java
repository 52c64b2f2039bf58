package vn.gov.quangtri.motcua.dossier.application;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What files the desk accepts (issue 15 §1), from MicroProfile Config:
 * <ul>
 *   <li>{@code motcua.files.max-bytes}: the largest file in bytes (default 20 MiB, 20,971,520);</li>
 *   <li>{@code motcua.files.types}: comma-separated media types accepted, as detected from the bytes (default:
 *       PDF, JPEG, PNG, TIFF, Word and Excel in their OOXML and older formats, OpenDocument text and
 *       spreadsheet).</li>
 * </ul>
 *
 * @param maxBytes largest file, bytes
 * @param types    accepted media types, lower case
 */
public record FileRules(long maxBytes, Set<String> types) {

    /** Default largest file: 20 MiB. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    /** The media types accepted when the configuration does not say. */
    public static final List<String> DEFAULT_TYPES = List.of("application/pdf", "image/jpeg", "image/png",
        "image/tiff", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/msword",
        "application/vnd.ms-excel", "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.spreadsheet");

    /** The rules in force (read at each call, so a changed configuration applies without a redeploy). */
    public static FileRules current() {
        Config config = ConfigProvider.getConfig();
        long max = config.getOptionalValue("motcua.files.max-bytes", Long.class).orElse(DEFAULT_MAX_BYTES);
        List<String> types = config.getOptionalValue("motcua.files.types", String.class)
            .map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList())
            .orElse(DEFAULT_TYPES);
        return of(max, types);
    }

    /** Rules from values (types are compared in lower case). */
    public static FileRules of(long maxBytes, List<String> types) {
        Set<String> lower = new LinkedHashSet<>();
        types.forEach(t -> lower.add(t.toLowerCase(Locale.ROOT)));
        return new FileRules(Math.max(1, maxBytes), Set.copyOf(lower));
    }

    /** Whether a detected media type is accepted. */
    public boolean accepts(String mediaType) {
        return mediaType != null && types.contains(mediaType.toLowerCase(Locale.ROOT));
    }

    /** The largest file in whole MiB, rounded down, for messages. */
    public long maxMebibytes() {
        return maxBytes / (1024 * 1024);
    }
}
