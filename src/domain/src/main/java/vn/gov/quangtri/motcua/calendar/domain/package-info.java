/**
 * The working calendar used for every legal deadline (docs/domain.md §3): {@code WorkingCalendar} (working
 * days, clock start, due moments, pauses, time left), {@code OfficeHours}, {@code TimeLimit} and
 * {@code TimeLimitUnit}, {@code WorkingDuration}, the lunar calendar and the plausibility check of a year's
 * holidays ({@code LunarCalendar}, {@code HolidayScheduleCheck}), the stored day ({@code CalendarDay}) and the
 * rules of an administrator's edit ({@code CalendarEdits}). All times are Asia/Ho_Chi_Minh. May use plain Java,
 * JPA mapping annotations and other {@code *.domain} packages (mostly {@code shared.domain}); no EJB, CDI,
 * JAX-RS, Faces or service code, so everything here is unit-tested without a server.
 */
package vn.gov.quangtri.motcua.calendar.domain;
