package vn.gov.quangtri.motcua.web.rating;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.rating.application.RatingService;
import vn.gov.quangtri.motcua.rating.domain.RatingCriterion;
import vn.gov.quangtri.motcua.rating.domain.RatingLevel;
import vn.gov.quangtri.motcua.web.shell.Actions;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * The desk's rating kiosk {@code /app/kiosk.xhtml} (issue 13 §2), signed in as the unit's kiosk device account:
 * the citizen scans the receipt's barcode (the scanner types the code and Enter into the autofocused field), taps
 * one of three big buttons per criterion and sends; the page thanks and, like after 30 s without a touch, starts
 * again for the next citizen. Shows nothing about the applicant.
 */
@Named
@ViewScoped
public class KioskPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The levels the kiosk offers (the three every channel has). */
    private static final List<RatingLevel> LEVELS = List.of(RatingLevel.VERY_SATISFIED, RatingLevel.SATISFIED,
        RatingLevel.NOT_SATISFIED);

    @EJB
    private RatingService ratings;

    @Inject
    private Actions actions;

    @Inject
    private Messages messages;

    private String code;
    private RatingService.KioskDossier dossier;
    private Map<String, String> answers = new HashMap<>();
    private boolean thanked;

    /** The scanned (or typed) code: shows the dossier's procedure when it can be rated now, else why not. */
    public void scan() {
        thanked = false;
        answers = new HashMap<>();
        dossier = null;
        if (code == null || code.isBlank()) {
            return;
        }
        String scanned = code.strip();
        boolean[] notHere = {false};
        RatingService.KioskDossier d = actions.run(() -> {
            try {
                return ratings.kioskView(scanned);
            } catch (vn.gov.quangtri.motcua.shared.domain.NotFoundException
                     | vn.gov.quangtri.motcua.shared.domain.ForbiddenException e) {
                // Unknown, or another unit's: one citizen-facing answer for both, which tells nothing of other codes.
                notHere[0] = true;
                return null;
            }
        });
        code = null;
        if (notHere[0]) {
            messages.error(null, "kiosk.notHere");
        }
        if (d == null) {
            return;
        }
        if (d.rated()) {
            messages.error(null, "kiosk.alreadyRated");
        } else if (!d.returned()) {
            messages.error(null, "kiosk.notReturned");
        } else {
            dossier = d;
        }
    }

    /**
     * Polled every few seconds while the scan screen shows: a dossier the desk officer invited to this kiosk
     * ("Mời đánh giá tại kiosk") is shown as if scanned; the page is re-rendered only then, so that a scan being
     * typed is not disturbed.
     */
    public void poll() {
        if (dossier != null) {
            return;
        }
        RatingService.KioskDossier d = actions.run(() -> ratings.takeInvitation().orElse(null));
        if (d != null && d.returned() && !d.rated()) {
            dossier = d;
            thanked = false;
            answers = new HashMap<>();
            org.primefaces.PrimeFaces.current().ajax().update("kiosk", "messages");
        }
    }

    /** Chooses a level for a criterion (a big button). */
    public void choose(String criterion, String level) {
        answers.put(RatingCriterion.valueOf(criterion).name(), RatingLevel.valueOf(level).name());
    }

    /** Sends the rating; thanks and starts again. */
    public void send() {
        if (dossier == null) {
            return;
        }
        if (answers.isEmpty()) {
            messages.error(null, "kiosk.chooseOne");
            return;
        }
        Map<RatingCriterion, RatingLevel> chosen = new EnumMap<>(RatingCriterion.class);
        answers.forEach((c, l) -> chosen.put(RatingCriterion.valueOf(c), RatingLevel.valueOf(l)));
        String c = dossier.code();
        if (actions.run(() -> ratings.rateAtKiosk(c, chosen, null)) != null) {
            thanked = true;
            dossier = null;
            answers = new HashMap<>();
        }
    }

    /** Back to the scan screen (the idle timer, or the citizen's "Hủy"). */
    public void reset() {
        code = null;
        dossier = null;
        answers = new HashMap<>();
        thanked = false;
    }

    public List<RatingCriterion> getCriteria() {
        return List.of(RatingCriterion.values());
    }

    public List<RatingLevel> getLevels() {
        return LEVELS;
    }

    /** Whether this level is the one chosen for the criterion. */
    public boolean chosen(String criterion, String level) {
        return level.equals(answers.get(criterion));
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public RatingService.KioskDossier getDossier() {
        return dossier;
    }

    public boolean isThanked() {
        return thanked;
    }
}
