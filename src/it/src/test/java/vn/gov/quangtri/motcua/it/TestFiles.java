package vn.gov.quangtri.motcua.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.gov.quangtri.motcua.it.TestAccounts.Account;
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

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static String basic(Account a) {
        return "Basic " + Base64.getEncoder().encodeToString((a.username() + ":" + a.password())
            .getBytes(StandardCharsets.UTF_8));
    }

    /** A multipart/form-data body as a browser builds it: the file name's UTF-8 bytes in the part header. */
    static byte[] multipart(String boundary, String fileName, byte[] content, Map<String, String> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
            + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (content != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static URI api(URL url, String path) {
        return URI.create(TestServer.serverRoot(url) + TestServer.API_V1 + path);
    }

    /** Uploads a file to a dossier as {@code as}, the way a browser sends it ({@code POST /dossiers/{code}/files}). */
    static HttpResponse<String> upload(URL url, Account as, String code, String fileName, byte[] content,
                                       Map<String, String> fields) throws IOException, InterruptedException {
        TestAccounts.ensure(url, as);
        String boundary = "----motcua" + UUID.randomUUID();
        HttpRequest request = HttpRequest.newBuilder(api(url, "/dossiers/" + code + "/files"))
            .header("Authorization", basic(as))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fileName, content, fields))).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A GET under the API as {@code as}, answered as bytes. */
    static HttpResponse<byte[]> get(URL url, Account as, String path) throws IOException, InterruptedException {
        TestAccounts.ensure(url, as);
        return HTTP.send(HttpRequest.newBuilder(api(url, path)).header("Authorization", basic(as)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    }
}
