package vn.gov.quangtri.motcua.dossier.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import vn.gov.quangtri.motcua.calendar.domain.Appointment;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimitUnit;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.catalogue.domain.ProcessStepTemplate;
import vn.gov.quangtri.motcua.catalogue.domain.StepKind;
import vn.gov.quangtri.motcua.catalogue.domain.StepRole;

/**
 * Plans a dossier's internal steps at intake (docs/domain.md §3.6). Where the procedure has an approved
 * internal process, its allotments are used (working days × the office day's working minutes, or
 * working hours × 60). Otherwise a generic four-step process shares the working time between the
 * clock start and the appointment: hand-over 5 %, appraisal 60 %, approval 20 %, issuance 15 %, until an
 * administrator configures the process approved by the provincial chairman.
 */
public final class ProcessPlanner {

    /** Generic process used until the approved internal process is configured. */
    private static final Object[][] GENERIC = {
        {"Tiếp nhận, chuyển hồ sơ đến cơ quan giải quyết", StepRole.ONE_STOP_OFFICER, StepKind.WORK, 5},
        {"Thẩm định hồ sơ", StepRole.SPECIALIST, StepKind.WORK, 60},
        {"Phê duyệt, ký kết quả", StepRole.LEADER, StepKind.APPROVAL, 20},
        {"Phát hành, chuyển kết quả về Bộ phận Một cửa", StepRole.CLERK, StepKind.WORK, 15},
    };

    private ProcessPlanner() {
    }

    /**
     * @param procedure  the procedure (its steps may be empty)
     * @param calendar   the working calendar
     * @param appointment the clock start and the appointment computed from the statutory limit
     * @return the steps in order, at least one
     * @throws IllegalStateException if an approved step is allotted in a unit other than working days or hours
     */
    public static List<StepPlan> plan(Procedure procedure, WorkingCalendar calendar, Appointment appointment) {
        List<StepPlan> plans = new ArrayList<>();
        if (!procedure.steps().isEmpty()) {
            long perDay = calendar.officeHours().workingMinutesPerDay();
            for (ProcessStepTemplate t : procedure.steps()) {
                plans.add(new StepPlan(t.name(), t.role(), t.kind(), t.responsibleUnit(),
                    minutes(t.allotment(), perDay)));
            }
            return plans;
        }
        long total = Math.max(0, calendar.workingMinutesBetween(appointment.clockStart(), appointment.dueAt()));
        long used = 0;
        for (int i = 0; i < GENERIC.length; i++) {
            long share = i == GENERIC.length - 1 ? total - used : total * (Integer) GENERIC[i][3] / 100;
            used += share;
            plans.add(new StepPlan((String) GENERIC[i][0], (StepRole) GENERIC[i][1], (StepKind) GENERIC[i][2],
                null, share));
        }
        return plans;
    }

    private static long minutes(TimeLimit allotment, long perDay) {
        if (allotment.unit() != TimeLimitUnit.WORKING_DAY && allotment.unit() != TimeLimitUnit.WORKING_HOUR) {
            throw new IllegalStateException("step allotments must be in working days or hours: " + allotment);
        }
        return allotment.workingMinutes(perDay);
    }
}
