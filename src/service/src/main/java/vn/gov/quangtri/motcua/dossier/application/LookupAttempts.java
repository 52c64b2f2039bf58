package vn.gov.quangtri.motcua.dossier.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.gov.quangtri.motcua.shared.domain.AttemptWindow;

/**
 * Failed public lookups (issue 13 §1), counted per client address and per dossier code: after
 * {@code motcua.public.lookup.max-failures} failures (default 10) within {@code motcua.public.lookup.window}
 * (default 10 minutes) the address, or the code, is answered 429 until the oldest failure leaves the window.
 * In memory and per server (a restart forgets; a cluster counts per node), which is enough to make guessing a
 * 100-bit token hopeless; docs/configuration.md.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LookupAttempts {

    /** Key prefixes, so that an address and a code never share a counter. */
    private static final String ADDRESS = "a:";
    private static final String CODE = "c:";

    @Inject
    @ConfigProperty(name = "motcua.public.lookup.max-failures", defaultValue = "10")
    private int maxFailures;

    @Inject
    @ConfigProperty(name = "motcua.public.lookup.window", defaultValue = "PT10M")
    private String window;

    @Inject
    private Clock clock;

    private AttemptWindow attempts;

    @PostConstruct
    void init() {
        attempts = new AttemptWindow(Math.max(1, maxFailures), Duration.parse(window), 100_000);
    }

    /**
     * Seconds until the address or the code may try again, 0 when neither is blocked.
     *
     * @param address the client's address
     * @param code    the dossier code presented (blank codes share one counter)
     */
    public long blockedSeconds(String address, String code) {
        var now = clock.instant();
        Duration a = attempts.blockedFor(ADDRESS + address, now);
        Duration c = attempts.blockedFor(CODE + norm(code), now);
        Duration longer = a.compareTo(c) >= 0 ? a : c;
        return longer.isZero() ? 0 : (longer.toMillis() + 999) / 1000;
    }

    /** Counts a failed lookup against the address and the code. */
    public void failed(String address, String code) {
        var now = clock.instant();
        attempts.fail(ADDRESS + address, now);
        attempts.fail(CODE + norm(code), now);
    }

    private static String norm(String code) {
        String c = code == null ? "" : code.strip();
        return c.length() > 40 ? c.substring(0, 40) : c;
    }
}
