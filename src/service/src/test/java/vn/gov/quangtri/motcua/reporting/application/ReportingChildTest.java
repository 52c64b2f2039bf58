package vn.gov.quangtri.motcua.reporting.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.calendar.domain.Appointment;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.catalogue.domain.StepKind;
import vn.gov.quangtri.motcua.catalogue.domain.StepRole;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierCode;
import vn.gov.quangtri.motcua.dossier.domain.DossierIntake;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.InterAgencyOrigin;
import vn.gov.quangtri.motcua.dossier.domain.StepPlan;
import vn.gov.quangtri.motcua.dossier.domain.Submission;
import vn.gov.quangtri.motcua.reporting.domain.PeriodReport;
import vn.gov.quangtri.motcua.reporting.domain.ReportGrouping;
import vn.gov.quangtri.motcua.reporting.domain.ReportPeriod;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed;

/**
 * Statistics count the citizen's dossier once: a child dossier created at the tax authority by an
 * inter-agency transfer (overdue there on purpose) is left out of the dashboard and the province view of the period
 * report (the workload view counts it),
 * on H2 and PostgreSQL; the tracking book still lists it.
 */
class ReportingChildTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("Parent at Xã Vĩnh Linh counted once; its overdue child at Thuế tỉnh is not counted anywhere in the statistics")
    void childNotCounted(String kind) {
        try (AdminTestBed bed = new AdminTestBed(kind)) {
            String parent = bed.receive("H50-L006", "QT25.XA_VINH_LINH", AdminTestBed.vn(2026, 3, 2, 10, 0));
            Instant transferred = AdminTestBed.vn(2026, 3, 3, 9, 0);
            bed.tx(() -> {
                WorkingCalendar cal = bed.calendars().current();
                Agency tax = bed.em().find(Agency.class, "QT25.THUE");
                Submission s = new Submission(new DossierCode(tax.edocCode() + "-260303-0001"),
                    bed.dossier(parent).procedure(), tax, Channel.DIRECT, bed.dossier(parent).applicant(),
                    List.of(new DocumentLine(null, "Phiếu chuyển thông tin địa chính", DocumentForm.ORIGINAL, 1)),
                    transferred);
                Dossier child = DossierIntake.receiveInterAgency(s, Appointment.of(cal, transferred, TimeLimit.workingDays(3)),
                    TimeLimit.workingDays(3), List.of(new StepPlan("Xác định nghĩa vụ tài chính", StepRole.SPECIALIST,
                        StepKind.WORK, null, 3 * 480)), cal, InterAgencyOrigin.childOf(parent, 2), "liên thông", null);
                bed.em().persist(child);
                return null;
            });
            bed.em().clear();
            Instant now = AdminTestBed.vn(2026, 3, 20, 10, 0);
            ReportingService service = new ReportingService(bed.em(), Clock.fixed(now, ZoneOffset.UTC),
                bed.calendars().current());
            List<String> scope = List.of("QT25.XA_VINH_LINH", "QT25.THUE");

            Map<DossierStatus, Long> counts = service.countByStatus(scope);
            assertEquals(1L, counts.get(DossierStatus.RECEIVED), "the parent only");
            assertEquals(1L, counts.values().stream().mapToLong(Long::longValue).sum());
            Dashboard d = service.dashboard(scope, 10);
            assertEquals(List.of(), d.overdue(), "the child was due Fri 6 Mar 09:00 but is not counted");
            assertEquals(0L, d.overdueTotal());

            ReportPeriod month = ReportPeriod.ofMonth(YearMonth.of(2026, 3));
            PeriodQuery province = new PeriodQuery(month, ReportGrouping.AGENCY, null, null, null, false);
            PeriodReport march = PeriodReport.compute(month, ReportGrouping.AGENCY, List.of(),
                ReportData.facts(bed.em(), province, null, new java.util.TreeMap<>()), now, false);
            assertEquals(1, march.total().toProcess(), "received once in the province");
            assertEquals(1, march.total().inProgressNotDue());
            assertEquals(0, march.total().inProgressOverdue());
            PeriodQuery workload = new PeriodQuery(month, ReportGrouping.AGENCY, null, null, null, true);
            PeriodReport perAgency = PeriodReport.compute(month, ReportGrouping.AGENCY, List.of(),
                ReportData.facts(bed.em(), workload, null, new java.util.TreeMap<>()), now, true);
            assertEquals(2, perAgency.total().toProcess(), "the workload view counts the child at the tax authority");
            assertEquals(1, perAgency.total().inProgressOverdue(), "the child was due Fri 6 Mar 09:00");

            TrackingBookSlice book = service.trackingBook(new TrackingBookFilter(scope, null, null, null, null,
                    null), 0, 10);
            assertEquals(2, book.total(), "the register of each unit lists what it received");
            // H50-L006: the approval step is labelled "Lãnh đạo cơ quan có thẩm quyền"; the lead agency is the
            // commune that received it, and for the tax authority's child the commune that sent it.
            assertEquals(List.of("Xã Vĩnh Linh", "Xã Vĩnh Linh"), book.rows().stream()
                .map(TrackingBookRow::leadAgency).toList());
            assertEquals(List.of("Xã Vĩnh Linh", "Thuế tỉnh Quảng Trị (ngành dọc)"),
                book.rows().stream().map(TrackingBookRow::receivingAgency).toList());
            // Issue 11 §5: the child's line names its parent dossier; the parent's names none.
            assertEquals(java.util.Arrays.asList(null, parent),
                book.rows().stream().map(TrackingBookRow::parentCode).toList());
        }
    }
}
