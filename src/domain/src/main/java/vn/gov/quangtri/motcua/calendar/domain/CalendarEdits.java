package vn.gov.quangtri.motcua.calendar.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.TextSearch;

/**
 * Rules for an administrator's edit of the holiday calendar (docs/domain.md §3.2), checked before anything is
 * stored. Dates are Vietnam local dates (Asia/Ho_Chi_Minh). Refusals carry stable reason codes and
 * Vietnamese messages:
 * <ul>
 *   <li>a day off on a date that already has an entry: {@code DAY_ALREADY_OFF} or
 *       {@code DAY_IS_MAKE_UP_WORKING_DAY} (remove the entry first);</li>
 *   <li>a compensatory day off (Labour Code 2019 art. 111 cl. 3) or a swapped day off on a Saturday or
 *       Sunday: {@code COMPENSATORY_NOT_WEEKDAY} / {@code SWAP_DAY_OFF_NOT_WEEKDAY} (weekly rest days are
 *       already off);</li>
 *   <li>a make-up working day ("ngày làm bù") on Monday–Friday: {@code MAKE_UP_DAY_NOT_WEEKEND}; on a date
 *       that already has an entry: {@code DAY_ALREADY_HAS_ENTRY};</li>
 *   <li>a missing or over-long name: {@code NAME_REQUIRED}, {@code TEXT_TOO_LONG}.</li>
 * </ul>
 * Stateless.
 */
public final class CalendarEdits {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The kinds of day off an administrator can add (values of {@code calendar_day.kind}). */
    public enum DayOffKind {
        /** Public holiday, Labour Code 2019 art. 112 cl. 1 (kind {@code statutory}). */
        HOLIDAY(HolidayScheduleCheck.STATUTORY),
        /** A day of the Tết (lunar new year) break (kind {@code tet}). */
        TET(HolidayScheduleCheck.TET),
        /** Compensatory day off for a holiday on a weekly rest day, art. 111 cl. 3 (kind {@code compensatory}). */
        COMPENSATORY(HolidayScheduleCheck.COMPENSATORY),
        /** A weekday made a day off by a swap with a make-up working day (kind {@code swap_day_off}). */
        SWAP_DAY_OFF(HolidayScheduleCheck.SWAP_DAY_OFF);

        private final String kind;

        DayOffKind(String kind) {
            this.kind = kind;
        }

        /** The stored {@code kind} value. */
        public String kind() {
            return kind;
        }
    }

    private CalendarEdits() {
    }

    /**
     * Checks adding a day off.
     *
     * @param date     the day
     * @param kind     the kind of day off
     * @param name     the name shown to clerks
     * @param existing the entry the date already has, or null
     * @return the name, NFC and trimmed
     * @throws ConflictException      {@code DAY_ALREADY_OFF}, {@code DAY_IS_MAKE_UP_WORKING_DAY}
     * @throws RuleViolationException {@code COMPENSATORY_NOT_WEEKDAY}, {@code SWAP_DAY_OFF_NOT_WEEKDAY},
     *                                {@code NAME_REQUIRED}, {@code TEXT_TOO_LONG}
     */
    public static String checkDayOff(LocalDate date, DayOffKind kind, String name, CalendarDay existing) {
        String clean = requireName(name);
        if (existing != null && !existing.workingDay()) {
            throw new ConflictException("DAY_ALREADY_OFF", "Ngày " + fmt(date) + " đã là ngày nghỉ (\""
                + existing.name() + "\").");
        }
        if (existing != null) {
            throw new ConflictException("DAY_IS_MAKE_UP_WORKING_DAY", "Ngày " + fmt(date) + " đang là ngày làm bù (\""
                + existing.name() + "\"); hãy xóa ngày làm bù trước.");
        }
        if (kind == DayOffKind.COMPENSATORY && isWeekend(date)) {
            throw new RuleViolationException("COMPENSATORY_NOT_WEEKDAY", "Ngày nghỉ bù " + fmt(date)
                + " rơi vào thứ Bảy hoặc Chủ nhật: ngày nghỉ bù phải là ngày làm việc kế tiếp ngày lễ trùng ngày nghỉ"
                + " hằng tuần (Bộ luật Lao động 2019, Điều 111 khoản 3).", List.of("date"));
        }
        if (kind == DayOffKind.SWAP_DAY_OFF && isWeekend(date)) {
            throw new RuleViolationException("SWAP_DAY_OFF_NOT_WEEKDAY", "Ngày nghỉ hoán đổi " + fmt(date)
                + " rơi vào thứ Bảy hoặc Chủ nhật, vốn đã là ngày nghỉ hằng tuần.", List.of("date"));
        }
        return clean;
    }

    /**
     * Checks adding a make-up working day (a Saturday or Sunday worked in exchange for a day off).
     *
     * @return the name, NFC and trimmed
     * @throws ConflictException      {@code DAY_ALREADY_HAS_ENTRY}
     * @throws RuleViolationException {@code MAKE_UP_DAY_NOT_WEEKEND}, {@code NAME_REQUIRED}, {@code TEXT_TOO_LONG}
     */
    public static String checkMakeUpWorkingDay(LocalDate date, String name, CalendarDay existing) {
        String clean = requireName(name);
        if (!isWeekend(date)) {
            throw new RuleViolationException("MAKE_UP_DAY_NOT_WEEKEND", "Ngày " + fmt(date) + " là ngày làm việc bình"
                + " thường (thứ Hai đến thứ Sáu); ngày làm bù phải là thứ Bảy hoặc Chủ nhật.", List.of("date"));
        }
        if (existing != null) {
            throw new ConflictException("DAY_ALREADY_HAS_ENTRY", "Ngày " + fmt(date) + " đã có trong lịch (\""
                + existing.name() + "\"); hãy xóa mục đó trước.");
        }
        return clean;
    }

    /**
     * Warnings (not refusals) for an added day off: a holiday on a weekly rest day needs a compensatory
     * day off on the next working day (art. 111 cl. 3).
     */
    public static List<String> warningsForDayOff(LocalDate date, DayOffKind kind) {
        List<String> out = new ArrayList<>();
        if (kind == DayOffKind.HOLIDAY && isWeekend(date)) {
            out.add("Ngày lễ " + fmt(date) + " trùng ngày nghỉ hằng tuần: cần thêm ngày nghỉ bù vào ngày làm việc kế"
                + " tiếp (Bộ luật Lao động 2019, Điều 111 khoản 3).");
        }
        return out;
    }

    /**
     * The calendar after an edit.
     *
     * @param calendar   the calendar before
     * @param date       the edited day
     * @param workingDay the new override: {@code false} day off, {@code true} working day, null to remove it
     */
    public static WorkingCalendar with(WorkingCalendar calendar, LocalDate date, Boolean workingDay) {
        Map<LocalDate, Boolean> overrides = new HashMap<>(calendar.dayOverrides());
        if (workingDay == null) {
            overrides.remove(date);
        } else {
            overrides.put(date, workingDay);
        }
        return new WorkingCalendar(calendar.officeHours(), overrides);
    }

    /** True for Saturday and Sunday. */
    public static boolean isWeekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    private static String requireName(String name) {
        String v = TextSearch.nfc(name);
        if (v == null || v.isBlank()) {
            throw new RuleViolationException("NAME_REQUIRED", "Phải nhập tên ngày nghỉ / ngày làm bù.", List.of("name"));
        }
        v = v.strip();
        if (v.length() > 300) {
            throw new RuleViolationException("TEXT_TOO_LONG", "Tên dài " + v.length() + " ký tự; tối đa 300 ký tự.",
                List.of("name: at most 300 characters"));
        }
        return v;
    }

    private static String fmt(LocalDate d) {
        return DMY.format(d);
    }
}
