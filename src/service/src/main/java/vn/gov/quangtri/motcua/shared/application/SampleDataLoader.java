package vn.gov.quangtri.motcua.shared.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.calendar.domain.Appointment;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.dossier.application.DossierStore;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierCode;
import vn.gov.quangtri.motcua.dossier.domain.DossierIntake;
import vn.gov.quangtri.motcua.dossier.domain.DossierPauses;
import vn.gov.quangtri.motcua.dossier.domain.ProcessPlanner;
import vn.gov.quangtri.motcua.dossier.domain.Submission;
import vn.gov.quangtri.motcua.portal.application.PortalOutbox;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Demonstration dossiers for a development or training server, so the desk's screens and the API have
 * something to show: created once, at start-up, only when {@code motcua.sample-data=true} and the
 * database holds no dossier yet. Never enable it in production. Applicants are invented; agencies and
 * procedures are the real reference data; times are set relative to today so the examples stay current.
 */
@Singleton
@Startup
@DependsOn("CalendarService")
public class SampleDataLoader {

    private static final Logger LOG = Logger.getLogger(SampleDataLoader.class.getName());

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @EJB
    private CalendarService calendars;

    @Inject
    private DossierStore dossiers;

    @EJB
    private PortalOutbox portal;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "motcua.sample-data", defaultValue = "false")
    boolean enabled;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        long existing = em.createQuery("SELECT COUNT(d) FROM Dossier d", Long.class).getSingleResult();
        if (existing > 0) {
            return;
        }
        WorkingCalendar cal = calendars.current();
        LocalDate today = VietnamTime.local(clock.instant()).toLocalDate();

        // First land registration at a commune, received 10 working days ago, now at the land office.
        Dossier land = receive("H50-L006", "QT25.XA_VINH_LINH", Channel.DIRECT, at(cal, today, 10, 9, 0),
            new Applicant(Applicant.Kind.INDIVIDUAL, "Hoàng Văn Bình", "045080001234", "0912345001", null,
                "Thôn Tây, xã Vĩnh Linh, tỉnh Quảng Trị"));
        land.completeStep(at(cal, today, 10, 10, 30), "tiepnhan.vinhlinh", "Chuyển công chức địa chính", cal);
        land.completeStep(at(cal, today, 4, 15, 0), "chuyenvien.vinhlinh", "Đã xác minh hiện trạng", cal);

        // Marriage status certificate at the same commune, 3 working days, received 6 working days ago and
        // still with the specialist: overdue, so the desk or the leader can apologise and give a new date.
        Dossier late = receive("1.004873", "QT25.XA_VINH_LINH", Channel.DIRECT, at(cal, today, 6, 9, 15),
            new Applicant(Applicant.Kind.INDIVIDUAL, "Lê Anh Tuấn", "045090001111", "0912000111", null,
                "Khu phố 1, xã Vĩnh Linh"));
        late.completeStep(at(cal, today, 6, 10, 0), "tiepnhan.vinhlinh", "Chuyển công chức tư pháp - hộ tịch", cal);

        // Marriage status certificate at a ward: finished early and returned.
        Dossier marriage = receive("1.004873", "QT25.PHUONG_DONG_HA", Channel.DIRECT, at(cal, today, 5, 8, 40),
            new Applicant(Applicant.Kind.INDIVIDUAL, "Nguyễn Thị Ánh", "045195004321", "0987000222",
                "anh.nguyen@example.vn", "Khu phố 3, phường Đông Hà"));
        marriage.completeStep(at(cal, today, 5, 9, 30), "motcua.dongha", null, cal);
        marriage.completeStep(at(cal, today, 4, 14, 0), "tuphap.dongha", "Đủ điều kiện", cal);
        marriage.approve(at(cal, today, 3, 9, 0), "phochutich.dongha", "Đồng ý", cal);
        marriage.completeStep(at(cal, today, 3, 10, 0), "vanthu.dongha", null, cal);
        marriage.handOverResult(at(cal, today, 2, 8, 15), "motcua.dongha", "Nguyễn Thị Ánh", "DIRECT", null);

        // Land-use change registration at the provincial centre: 8 working days, received 12 ago: overdue.
        Dossier transfer = receive("H50-L007", "QT.TTPVHCC", Channel.DIRECT, at(cal, today, 12, 14, 0),
            new Applicant(Applicant.Kind.INDIVIDUAL, "Trần Đức Thắng", "045075006789", "0905111333", null,
                "Số 5 Lê Duẩn, phường Đông Hà"));
        transfer.completeStep(at(cal, today, 11, 8, 30), "motcua.tinh", null, cal);

        // Permanent residence, supplement requested during appraisal (clock paused).
        Dossier residence = receive("1.004222", "QT25.XA_CUA_VIET", Channel.POSTAL, at(cal, today, 3, 10, 0),
            new Applicant(Applicant.Kind.INDIVIDUAL, "Đỗ Thị Lan", "045199007777", "0978222444", null,
                "Thôn 2, xã Cửa Việt"));
        residence.completeStep(at(cal, today, 3, 11, 0), "motcua.cuaviet", null, cal);
        DossierPauses.requestSupplement(residence, at(cal, today, 1, 15, 0), "congan.cuaviet",
            List.of("Giấy tờ chứng minh chỗ ở hợp pháp (hợp đồng thuê nhà có công chứng)"), null);

        // Certified copy, same day, received this morning (the previous working day's morning before 8:30: a
        // business time is never in the future).
        Instant morning = at(cal, today, 0, 8, 30);
        Dossier sameDay = receive("2.000815", "QT25.PHUONG_DONG_HA", Channel.DIRECT,
            morning.isAfter(clock.instant()) ? at(cal, today, 1, 8, 30) : morning,
            new Applicant(Applicant.Kind.INDIVIDUAL, "Phạm Minh Tuân", "045088002468", "0934555666", null,
                "Phường Nam Đông Hà"));

        // Online submission awaiting the desk's check.
        Procedure temporary = procedure("1.004194");
        Agency cuaTung = em.find(Agency.class, "QT25.XA_CUA_TUNG");
        Instant submitted = at(cal, today, 1, 20, 30);
        Dossier online = DossierIntake.submitOnline(new Submission(code(cuaTung, submitted), temporary, cuaTung,
            Channel.ONLINE, new Applicant(Applicant.Kind.INDIVIDUAL, "Vũ Đức Thắng", "045092003579", "0911222333",
                "thang.vu@example.vn", "Thôn Mỹ Thủy, xã Cửa Tùng"),
            List.of(new DocumentLine(1, "Tờ khai thay đổi thông tin cư trú (CT01)", DocumentForm.ORIGINAL, 1)),
            submitted), "dvcqg");
        em.persist(online);
        List<Dossier> made = List.of(land, late, marriage, transfer, residence, sameDay, online);
        // Their history goes to the national portal like any dossier's (no applicant notification: invented people).
        made.forEach(d -> portal.enqueue(d, 0));
        List<String> codes = made.stream().map(Dossier::code).toList();
        LOG.info(() -> "Sample data: 7 demonstration dossiers created (GET /motcua/api/v1/dossiers lists them), e.g. "
            + String.join(", ", codes));
    }

    private Dossier receive(String procedureCode, String agencyCode, Channel channel, Instant at, Applicant applicant) {
        WorkingCalendar cal = calendars.current();
        Procedure p = procedure(procedureCode);
        Agency agency = em.find(Agency.class, agencyCode);
        Appointment appointment = Appointment.of(cal, at, p.timeLimit());
        List<DocumentLine> docs = p.documents().stream()
            .map(r -> new DocumentLine(r.position(), r.name(), DocumentForm.ORIGINAL, Math.max(1, r.quantity())))
            .toList();
        Dossier d = DossierIntake.receive(new Submission(code(agency, at), p, agency, channel, applicant, docs, at),
            appointment, ProcessPlanner.plan(p, cal, appointment), cal, "motcua.sample", "Hồ sơ mẫu (dữ liệu minh họa)");
        em.persist(d);
        return d;
    }

    private DossierCode code(Agency agency, Instant at) {
        LocalDate day = VietnamTime.local(at).toLocalDate();
        return DossierCode.of(agency.edocCode(), day, dossiers.nextNumber(agency.edocCode(), day));
    }

    private Procedure procedure(String code) {
        return em.createNamedQuery("Procedure.findByCode", Procedure.class).setParameter("code", code).getSingleResult();
    }

    /** The given local time on the working day {@code workingDaysAgo} working days before {@code today}. */
    private static Instant at(WorkingCalendar cal, LocalDate today, int workingDaysAgo, int hour, int minute) {
        LocalDate day = today;
        int back = workingDaysAgo;
        while (back > 0 || !cal.isWorkingDay(day)) {
            day = day.minusDays(1);
            if (cal.isWorkingDay(day)) {
                back--;
            }
        }
        return day.atTime(LocalTime.of(hour, minute)).atZone(VietnamTime.ZONE).toInstant();
    }
}
