package vn.gov.quangtri.motcua.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.agency.domain.AgencyKind;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;
import vn.gov.quangtri.motcua.calendar.domain.Appointment;
import vn.gov.quangtri.motcua.calendar.domain.OfficeHours;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.catalogue.domain.ProcedureLevel;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierCode;
import vn.gov.quangtri.motcua.dossier.domain.DossierIntake;
import vn.gov.quangtri.motcua.dossier.domain.ProcessPlanner;
import vn.gov.quangtri.motcua.dossier.domain.Submission;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Builds real dossiers through the domain API for report tests: procedure 1.004873 (3 working days),
 * generic four-step process, calendar 2026 with Tết 16–20 Feb (no holiday in March 2026). Mon 2 Mar
 * 2026 10:00 + 3 working days = Thu 5 Mar 10:00; Fri 27 Feb 10:00 → Wed 4 Mar 10:00; Mon 30 Mar 10:00 →
 * Thu 2 Apr 10:00.
 */
final class ReportFixtures {

    static final WorkingCalendar CALENDAR = new WorkingCalendar(OfficeHours.standard(), Map.of(
        LocalDate.of(2026, 2, 16), false, LocalDate.of(2026, 2, 17), false, LocalDate.of(2026, 2, 18), false,
        LocalDate.of(2026, 2, 19), false, LocalDate.of(2026, 2, 20), false));
    static final Procedure PROCEDURE = procedure();

    private final Map<String, Integer> sequences = new HashMap<>();

    private static Procedure procedure() {
        Procedure p = new Procedure("1.004873", false, "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch",
            Set.of(ProcedureLevel.COMMUNE), TimeLimit.workingDays(3));
        p.addRequiredDocument("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", DocumentForm.ORIGINAL, 1);
        return p;
    }

    static Agency commune(String code, String name, String edoc) {
        return new Agency(code, name, AgencyKind.COMMUNE, AgencyLevel.COMMUNE, null, edoc, true);
    }

    static Instant vn(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, VietnamTime.ZONE).toInstant();
    }

    private DossierCode code(Agency a, Instant at) {
        LocalDate day = VietnamTime.local(at).toLocalDate();
        int n = sequences.merge(a.edocCode() + day, 1, Integer::sum);
        return DossierCode.of(a.edocCode(), day, n);
    }

    private static Applicant applicant() {
        return new Applicant(Applicant.Kind.INDIVIDUAL, "Nguyễn Thị Ánh", "045190001234", "0912345678", null,
            "Thôn Đông, xã Vĩnh Linh");
    }

    /** A dossier received at {@code at} and left in progress. */
    Dossier received(Agency a, Channel channel, Instant at) {
        Instant start = CALENDAR.clockStart(at);
        Instant due = CALENDAR.dueAt(start, PROCEDURE.timeLimit());
        return DossierIntake.receive(new Submission(code(a, at), PROCEDURE, a, channel, applicant(),
                List.of(new DocumentLine(1, "Tờ khai", DocumentForm.ORIGINAL, 1)), at), new Appointment(start, due),
                ProcessPlanner.plan(PROCEDURE, CALENDAR, new Appointment(start, due)), CALENDAR, "motcua.desk", null);
    }

    /** A dossier received at {@code at} whose result is ready at {@code finished} (all four steps done). */
    Dossier resolved(Agency a, Channel channel, Instant at, Instant finished) {
        Dossier d = received(a, channel, at);
        finish(d, finished);
        return d;
    }

    /** Walks the generic process to the end: hand-over, appraisal, approval, issuance at {@code finished}. */
    static void finish(Dossier d, Instant finished) {
        d.completeStep(finished.minusSeconds(180), "desk", null, CALENDAR);
        d.completeStep(finished.minusSeconds(120), "chuyenvien", null, CALENDAR);
        d.approve(finished.minusSeconds(60), "lanhdao", null, CALENDAR);
        d.completeStep(finished, "vanthu", null, CALENDAR);
    }

    /** A dossier received and stopped at the applicant's request. */
    Dossier stopped(Agency a, Channel channel, Instant at, Instant stoppedAt) {
        Dossier d = received(a, channel, at);
        d.stop(stoppedAt, "motcua.desk", "Công dân đề nghị rút hồ sơ");
        return d;
    }

    /** A dossier received and withdrawn by the applicant (counted as withdrawn, not stopped). */
    Dossier withdrawn(Agency a, Channel channel, Instant at, Instant withdrawnAt) {
        Dossier d = received(a, channel, at);
        d.withdraw(withdrawnAt, "motcua.desk", "Công dân đề nghị rút hồ sơ");
        return d;
    }

    /** A dossier refused at intake (form 03). */
    Dossier refused(Agency a, Channel channel, Instant at) {
        return DossierIntake.refuseAtIntake(new Submission(code(a, at), PROCEDURE, a, channel, applicant(),
                List.of(new DocumentLine(1, "Tờ khai", DocumentForm.ORIGINAL, 1)), at), "motcua.desk",
                "Thủ tục không thuộc thẩm quyền của xã");
    }
}
