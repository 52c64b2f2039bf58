package vn.gov.quangtri.motcua.rating.application;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dossiers a desk officer invited to be rated at the unit's kiosk ("Mời đánh giá tại kiosk", issue 13 §2): one
 * pending invitation per receiving unit, taken by the first kiosk of the unit tree that polls, forgotten after
 * {@link #TIMEOUT}. In memory and per server, like the lookup's attempt counts: a restart forgets an invitation,
 * and the officer invites again.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class KioskInvitations {

    /** How long an invitation waits for a kiosk. */
    public static final Duration TIMEOUT = Duration.ofMinutes(2);

    private record Invitation(String dossierCode, Instant at) {
    }

    private final Map<String, Invitation> byUnit = new ConcurrentHashMap<>();

    /** Invites a dossier of a unit (replaces the unit's earlier invitation). */
    public void invite(String unitCode, String dossierCode, Instant now) {
        byUnit.put(unitCode, new Invitation(dossierCode, now));
    }

    /** Takes the oldest pending invitation of these units (removing it), if any is younger than {@link #TIMEOUT}. */
    public Optional<String> take(Collection<String> unitCodes, Instant now) {
        Optional<Map.Entry<String, Invitation>> oldest = byUnit.entrySet().stream()
            .filter(e -> unitCodes.contains(e.getKey()))
            .filter(e -> e.getValue().at().plus(TIMEOUT).isAfter(now))
            .min(Map.Entry.comparingByValue(java.util.Comparator.comparing(Invitation::at)));
        byUnit.entrySet().removeIf(e -> !e.getValue().at().plus(TIMEOUT).isAfter(now));
        return oldest.filter(e -> byUnit.remove(e.getKey(), e.getValue())).map(e -> e.getValue().dossierCode());
    }
}
