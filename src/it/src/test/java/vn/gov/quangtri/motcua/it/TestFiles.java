package vn.gov.quangtri.motcua.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** What the file tests (issue 15) share: a dossier with two components at the Vĩnh Linh desk, and PDFs to attach. */
final class TestFiles {

    private TestFiles() {
    }

    /**
     * Receives a dossier of procedure 1.004873 at the Vĩnh Linh commune desk with two components (1 original, 2 copy).
     *
     * @return its code
     */
    static String receive(URL url, String applicantName, String idNumber, String phone) {
        Map<String, Object> body = Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT25.XA_VINH_LINH",
            "applicant", Map.of("kind", "INDIVIDUAL", "name", applicantName, "idNumber", idNumber, "phone", phone,
                "address", "Thôn Tây, xã Vĩnh Linh"),
            "documents", List.of(Map.of("requiredPosition", 1, "form", "ORIGINAL"),
                Map.of("requiredPosition", 2, "form", "COPY")));
        return TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).body(body).when().post("/dossiers").then()
            .statusCode(201).extract().path("code");
    }

    /** A PDF of blank pages, as PDFBox writes it. */
    static byte[] pdf(int pages) throws IOException {
        try (PDDocument d = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                d.addPage(new PDPage());
            }
            d.save(out);
            return out.toByteArray();
        }
    }
}
