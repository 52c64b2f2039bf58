package vn.gov.quangtri.motcua.dossier.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.calendar.domain.Appointment;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierCode;
import vn.gov.quangtri.motcua.dossier.domain.DossierIntake;
import vn.gov.quangtri.motcua.dossier.domain.ProcessPlanner;
import vn.gov.quangtri.motcua.dossier.domain.Submission;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed;

/**
 * Dossier search by the applicant's ID number and phone, exact after normalising, and the count's bound, on H2 and
 * PostgreSQL.
 */
class DossierSearchTest {

    private static String receive(AdminTestBed bed, int n, String name, String idNumber, String phone) {
        return bed.tx(() -> {
            Procedure p = bed.em().createNamedQuery("Procedure.findByCode", Procedure.class)
                .setParameter("code", "1.004873").getSingleResult();
            Agency agency = bed.em().find(Agency.class, "QT25.XA_VINH_LINH");
            WorkingCalendar calendar = bed.calendars().current();
            Instant at = AdminTestBed.vn(2026, 3, 2, 9, n);
            DossierCode code = DossierCode.of(agency.edocCode(), LocalDate.of(2026, 3, 2), n);
            Instant start = calendar.clockStart(at);
            Instant due = calendar.dueAt(start, p.timeLimit());
            Dossier d = DossierIntake.receive(new Submission(code, p, agency, Channel.DIRECT,
                    new Applicant(Applicant.Kind.INDIVIDUAL, name, idNumber, phone, null, null),
                    List.of(new DocumentLine(1, "Tờ khai", DocumentForm.ORIGINAL, 1)), at), new Appointment(start,
                    due), ProcessPlanner.plan(p, calendar, new Appointment(start, due)), calendar, "motcua.desk",
                    null);
            bed.em().persist(d);
            return code.value();
        });
    }

    private static List<String> find(DossierSearch search, String idNumber, String phone) {
        return search.search(new DossierSearch.Criteria(null, null, null, null, null, null, null, idNumber, phone), 0, 10)
            .items().stream().map(Dossier::code).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("ID number and phone: exact match after removing spaces (and . - ( ) in phones); no partial matches")
    void byIdNumberAndPhone(String kind) {
        try (AdminTestBed bed = new AdminTestBed(kind)) {
            String binh = receive(bed, 1, "Hoàng Văn Bình", "045080001234", "0912 345 001");
            String lan = receive(bed, 2, "Nguyễn Thị Lan", "045190009999", "(0233) 385.1002");
            String other = receive(bed, 3, "Hoàng Văn Bình", "045080001235", "0912345011");
            bed.em().clear();
            DossierSearch search = bed.wire(new DossierSearch());
            assertEquals(List.of(binh), find(search, "045 080 001234", null));
            assertEquals(List.of(binh), find(search, "045080001234", null));
            assertEquals(List.of(), find(search, "04508000123", null), "a prefix of an ID number is not a match");
            assertEquals(List.of(binh), find(search, null, "0912345001"), "spaces stored in the phone");
            assertEquals(List.of(lan), find(search, null, "0233 3851002"), "parentheses and dots stored in the phone");
            assertEquals(List.of(), find(search, null, "091234500"), "no partial phone");
            assertEquals(List.of(other), find(search, "045080001235", "0912 345 011"), "both criteria together");
            assertEquals(List.of(), find(search, "045080001234", "0912345011"), "both must match");
            assertEquals(3, search.search(new DossierSearch.Criteria(null, null, null, null, null, null, null, " ", ""),
                0, 10).total(), "blank criteria filter nothing");
            // a receipt range the wrong way round is refused rather than answered with nothing
            vn.gov.quangtri.motcua.shared.domain.RuleViolationException reversed = org.junit.jupiter.api.Assertions
                .assertThrows(vn.gov.quangtri.motcua.shared.domain.RuleViolationException.class,
                    () -> search.search(new DossierSearch.Criteria(null, null, null, null, null,
                        AdminTestBed.vn(2026, 3, 31, 0, 0), AdminTestBed.vn(2026, 3, 1, 0, 0), null, null), 0, 10));
            assertEquals("DATE_RANGE_REVERSED", reversed.reason());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("the count stops at the bound: past it the total is the bound and says 'more than'; at or below it, exact")
    void boundedCount(String kind) {
        try (AdminTestBed bed = new AdminTestBed(kind)) {
            String binh = receive(bed, 1, "Hoàng Văn Bình", "045080001234", "0912345001");
            String lan = receive(bed, 2, "Nguyễn Thị Lan", "045190009999", "0912345002");
            String lan2 = receive(bed, 3, "Nguyễn Thị Lan Anh", "045190009998", "0912345003");
            bed.em().clear();
            DossierSearch search = bed.wire(new DossierSearch());
            assertEquals(DossierSearch.COUNT_BOUND, search.countBound);
            DossierSearch.Criteria all = new DossierSearch.Criteria(null, null, null, null, null, null, null);
            DossierSearch.Criteria nguyenThi = new DossierSearch.Criteria(null, null, null, "nguyen thi", null, null, null);

            DossierSearch.Page exact = search.search(all, 0, 10);
            assertEquals(3, exact.total());
            assertEquals(false, exact.totalCapped());

            search.countBound = 3; // exactly the bound: still exact
            assertEquals(3, search.search(all, 0, 10, DossierSearch.Part.COUNT).total());
            assertEquals(false, search.search(all, 0, 10, DossierSearch.Part.COUNT).totalCapped());

            search.countBound = 2; // one past the bound: "more than 2"
            DossierSearch.Page capped = search.search(all, 0, 10);
            assertEquals(2, capped.total());
            assertEquals(true, capped.totalCapped());
            assertEquals(List.of(lan2, lan, binh), capped.items().stream().map(Dossier::code).toList(),
                "the page itself is whole");
            // with a name, inside a transaction (on PostgreSQL the search then plans for the actual pattern)
            DossierSearch.Page named = bed.tx(() -> search.search(nguyenThi, 0, 10));
            assertEquals(2, named.total());
            assertEquals(false, named.totalCapped());
            assertEquals(List.of(lan2, lan), named.items().stream().map(Dossier::code).toList());
            search.countBound = 1;
            DossierSearch.Page namedCapped = bed.tx(() -> search.search(nguyenThi, 0, 10, DossierSearch.Part.COUNT,
                false));
            assertEquals(1, namedCapped.total());
            assertEquals(true, namedCapped.totalCapped());
        }
    }
}
