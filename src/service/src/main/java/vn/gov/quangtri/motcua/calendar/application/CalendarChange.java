package vn.gov.quangtri.motcua.calendar.application;

import java.time.LocalDate;
import java.util.List;
import vn.gov.quangtri.motcua.dossier.domain.CalendarImpact;

/**
 * The outcome of a holiday-calendar edit.
 *
 * @param date     the day edited (Vietnam local date)
 * @param action   stable action code: {@code CALENDAR_ADD_DAY_OFF}, {@code CALENDAR_ADD_MAKE_UP_DAY},
 *                 {@code CALENDAR_REMOVE_DAY}
 * @param affected open dossiers whose appointment the new calendar would change; their stored deadlines
 *                 were NOT changed (docs/cases.md C03 note: a person decides on recomputation)
 * @param warnings Vietnamese notes for the administrator (e.g. a holiday on a Sunday needs a compensatory
 *                 day; new findings of the yearly plausibility check, docs/cases.md C05)
 */
public record CalendarChange(LocalDate date, String action, List<CalendarImpact.Affected> affected,
                             List<String> warnings) {
}
