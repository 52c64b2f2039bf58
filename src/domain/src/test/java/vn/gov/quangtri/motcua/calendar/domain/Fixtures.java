package vn.gov.quangtri.motcua.calendar.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/** Test helpers: Vietnam local moments and small calendar builders (rows are given by each test). */
final class Fixtures {

    private Fixtures() {
    }

    /** The instant of a Vietnam local date-time (Asia/Ho_Chi_Minh), independent of the JVM default zone. */
    static Instant vn(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, VietnamTime.ZONE).toInstant();
    }

    static LocalDate d(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    static TimeLimit wd(int n) {
        return TimeLimit.workingDays(n);
    }

    /** Builder of calendar rows: off(...) = day off, working(...) = make-up working day. */
    static Rows rows() {
        return new Rows();
    }

    static final class Rows {
        private final Map<LocalDate, Boolean> map = new HashMap<>();

        Rows off(LocalDate... dates) {
            for (LocalDate date : dates) {
                map.put(date, Boolean.FALSE);
            }
            return this;
        }

        /** Days off from {@code from} to {@code to} inclusive. */
        Rows offRange(LocalDate from, LocalDate to) {
            for (LocalDate x = from; !x.isAfter(to); x = x.plusDays(1)) {
                map.put(x, Boolean.FALSE);
            }
            return this;
        }

        Rows working(LocalDate... dates) {
            for (LocalDate date : dates) {
                map.put(date, Boolean.TRUE);
            }
            return this;
        }

        Map<LocalDate, Boolean> map() {
            return Map.copyOf(map);
        }

        WorkingCalendar build() {
            return new WorkingCalendar(OfficeHours.standard(), map);
        }
    }

    /**
     * The 2026 rows as shipped in holidays.csv: 1 Jan, 2 Jan (swap), 16-20 Feb (Tết), 26 Apr (Hùng Kings,
     * Sunday), 27 Apr (compensatory), 30 Apr, 1 May, 1-2 Sep. No 22 Aug / 31 Aug swap.
     */
    static WorkingCalendar calendar2026Csv() {
        return rows()
                .off(d(2026, 1, 1), d(2026, 1, 2))
                .offRange(d(2026, 2, 16), d(2026, 2, 20))
                .off(d(2026, 4, 26), d(2026, 4, 27), d(2026, 4, 30), d(2026, 5, 1))
                .off(d(2026, 9, 1), d(2026, 9, 2))
                .build();
    }
}
