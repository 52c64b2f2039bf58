package vn.gov.quangtri.motcua.shared.batch;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * When a job starts every night: {@code motcua.batch.<job>.schedule} as {@code HH:mm} in Vietnam time
 * (Asia/Ho_Chi_Minh), and {@code motcua.batch.<job>.enabled} ({@code false} switches the nightly start off; starting
 * by hand still works).
 *
 * @param enabled whether the nightly start is on
 * @param time    the time of day, Vietnam time
 */
public record JobSchedule(boolean enabled, LocalTime time) {

    /**
     * Reads the two settings.
     *
     * @param schedule the {@code HH:mm} text, or null/blank for {@code defaultTime}
     * @param enabled  the switch text, or null for on; anything but {@code true}/{@code false} (any case) is refused
     * @throws IllegalArgumentException for a time that is not {@code H:mm}/{@code HH:mm} or a bad switch
     */
    public static JobSchedule parse(String schedule, String enabled, LocalTime defaultTime) {
        boolean on = true;
        if (enabled != null && !enabled.isBlank()) {
            String e = enabled.strip();
            if (e.equalsIgnoreCase("false")) {
                on = false;
            } else if (!e.equalsIgnoreCase("true")) {
                throw new IllegalArgumentException("enabled: true or false, not " + enabled);
            }
        }
        if (schedule == null || schedule.isBlank()) {
            return new JobSchedule(on, defaultTime);
        }
        String s = schedule.strip();
        if (!s.matches("\\d{1,2}:\\d{2}")) {
            throw new IllegalArgumentException("schedule: HH:mm (Vietnam time), not " + schedule);
        }
        try {
            return new JobSchedule(on, LocalTime.parse(s.length() == 4 ? "0" + s : s));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("schedule: HH:mm (Vietnam time), not " + schedule, e);
        }
    }
}
