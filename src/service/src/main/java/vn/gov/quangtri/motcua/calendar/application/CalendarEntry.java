package vn.gov.quangtri.motcua.calendar.application;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * One configured day of a year's holiday calendar, for the administration screen (docs/cases.md C05: each day is
 * shown with its lunar date so that a clerk can spot a month shift).
 *
 * @param date       Vietnam local date
 * @param dayOfWeek  its weekday
 * @param kind       statutory | tet | compensatory | swap_day_off | swap_working_day
 * @param name       Vietnamese name
 * @param workingDay true for a make-up working day, false for a day off
 * @param lunarDate  the lunar date in Vietnamese (UTC+7 lunar calendar), e.g. "10/3 âm lịch"
 * @param source     where the entry comes from, may be null
 */
public record CalendarEntry(LocalDate date, DayOfWeek dayOfWeek, String kind, String name, boolean workingDay,
                            String lunarDate, String source) {
}
