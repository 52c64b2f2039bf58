package vn.gov.quangtri.motcua.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.it.TestAccounts.Account;

/**
 * The files of a dossier over REST on the deployed EAR (issue 15 §1): multipart upload with Vietnamese file names
 * sent as browsers send them (UTF-8 in the part header), the bytes and the name identical on download, the type
 * read from the content, refusals with problem bodies that change nothing, and another unit's dossier answering
 * like a missing one.
 */
@MotcuaIT
class DossierFilesIT {

    private static final String VINH_LINH = "QT25.XA_VINH_LINH";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    private String receive() {
        return TestFiles.receive(url, "Hoàng Văn Tệp", "045190008888", "0912777999");
    }

    private URI api(String path) {
        return URI.create(TestServer.serverRoot(url) + TestServer.API_V1 + path);
    }

    private HttpResponse<String> upload(Account as, String code, String fileName, byte[] content,
                                        Map<String, String> fields) throws Exception {
        return TestFiles.upload(url, as, code, fileName, content, fields);
    }

    private HttpResponse<byte[]> get(Account as, String path) throws Exception {
        return TestFiles.get(url, as, path);
    }

    private static byte[] pdf(int pages) throws IOException {
        return TestFiles.pdf(pages);
    }

    private static final byte[] PNG = Base64.getDecoder().decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** The name a download's Content-Disposition carries in {@code filename*} (RFC 8187), decoded. */
    private static String downloadedName(String disposition) {
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("Issue 15 §1: two components scanned at the desk, uploaded with Vietnamese names, come back byte for"
        + " byte with the same names; the PDF's pages and the hashes are measured; re-use follows the source")
    void roundTrip() throws Exception {
        String code = receive();
        String pdfName = "Đơn đề nghị cấp GCN 100% (bản scan) – số 1.pdf";
        byte[] pdf = pdf(2);
        HttpResponse<String> first = upload(TestAccounts.DESK_VINH_LINH, code, pdfName, pdf, Map.of("component", "1"));
        assertEquals(201, first.statusCode(), first.body());
        JsonPath one = JsonPath.from(first.body());
        assertEquals(pdfName, one.getString("fileName"));
        assertEquals("application/pdf", one.getString("mediaType"));
        assertEquals(2, one.getInt("pages"));
        assertEquals(pdf.length, one.getLong("size"));
        assertEquals(sha256(pdf), one.getString("sha256"));
        assertEquals(1, one.getInt("component"));
        assertEquals("DESK_SCAN", one.getString("source"));
        assertTrue(one.getBoolean("digitised"));
        assertEquals(false, one.getBoolean("reused"));
        assertEquals("tiepnhan.vinhlinh", one.getString("attachedBy"));
        assertTrue(first.headers().firstValue("Location").orElseThrow().endsWith("/dossiers/" + code + "/files/"
            + one.getLong("id")), first.headers().toString());

        String pngName = "Sổ hộ khẩu   của ông Tệp.png";
        HttpResponse<String> second = upload(TestAccounts.SPECIALIST_VINH_LINH, code, pngName, PNG,
            Map.of("component", "2", "source", "CITIZEN_DATA_STORE", "purpose", "SUPPLEMENT"));
        assertEquals(201, second.statusCode(), second.body());
        JsonPath two = JsonPath.from(second.body());
        assertEquals("image/png", two.getString("mediaType"));
        assertNull(two.get("pages"));
        assertEquals(false, two.getBoolean("digitised"));
        assertTrue(two.getBoolean("reused"));
        assertEquals("SUPPLEMENT", two.getString("purpose"));

        List<Map<String, Object>> listed = JsonPath.from(new String(get(TestAccounts.LEADER_VINH_LINH,
            "/dossiers/" + code + "/files").body(), StandardCharsets.UTF_8)).getList("$");
        assertEquals(List.of(pdfName, pngName), listed.stream().map(m -> m.get("fileName")).toList());

        Map<String, byte[]> sent = new LinkedHashMap<>();
        sent.put(pdfName, pdf);
        sent.put(pngName, PNG);
        for (Map<String, Object> f : listed) {
            HttpResponse<byte[]> d = get(TestAccounts.DESK_VINH_LINH, "/dossiers/" + code + "/files/" + f.get("id"));
            assertEquals(200, d.statusCode());
            assertArrayEquals(sent.get((String) f.get("fileName")), d.body());
            assertEquals(f.get("fileName"), downloadedName(d.headers().firstValue("Content-Disposition").orElseThrow()));
            assertEquals(f.get("mediaType"), d.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("\"" + f.get("sha256") + "\"", d.headers().firstValue("ETag").orElseThrow());
            assertEquals("no-store", d.headers().firstValue("Cache-Control").orElseThrow());
        }
    }

    @Test
    @DisplayName("Issue 15 §1: a text file named .pdf is 415, an unknown component 422 (as at intake), a missing file"
        + " part 400, a file over 20 MiB 413; none of them adds a file")
    void refusals() throws Exception {
        String code = receive();
        HttpResponse<String> text = upload(TestAccounts.DESK_VINH_LINH, code, "giả.pdf",
            "chỉ là chữ, không phải PDF".getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals(415, text.statusCode(), text.body());
        assertEquals("FILE_TYPE_NOT_ALLOWED", JsonPath.from(text.body()).getString("reason"));

        HttpResponse<String> component = upload(TestAccounts.DESK_VINH_LINH, code, "x.pdf", pdf(1),
            Map.of("component", "9"));
        assertEquals(422, component.statusCode(), component.body()); // as at intake
        assertEquals("UNKNOWN_COMPONENT", JsonPath.from(component.body()).getString("reason"));

        HttpResponse<String> none = upload(TestAccounts.DESK_VINH_LINH, code, null, null, Map.of("component", "1"));
        assertEquals(400, none.statusCode(), none.body());
        assertEquals("INVALID_INPUT", JsonPath.from(none.body()).getString("reason"));

        HttpResponse<String> unknown = upload(TestAccounts.DESK_VINH_LINH, code, "x.pdf", pdf(1),
            Map.of("colour", "red"));
        assertEquals(400, unknown.statusCode(), unknown.body());

        byte[] big = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(pdf(1), 0, big, 0, 8);
        HttpResponse<String> tooLarge = upload(TestAccounts.DESK_VINH_LINH, code, "lớn.pdf", big, Map.of());
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertEquals("FILE_TOO_LARGE", JsonPath.from(tooLarge.body()).getString("reason"));

        // fresh-user trial: thousands of tiny parts exhausted the heap; a nameless part was a 500
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            many.put("x" + i, "1");
        }
        HttpResponse<String> parts = upload(TestAccounts.DESK_VINH_LINH, code, "x.pdf", pdf(1), many);
        assertEquals(400, parts.statusCode(), parts.body());
        assertEquals("TOO_MANY_PARTS", JsonPath.from(parts.body()).getString("reason"));
        HttpResponse<String> nameless = HTTP.send(HttpRequest.newBuilder(api("/dossiers/" + code + "/files"))
            .header("Authorization", TestFiles.basic(TestAccounts.DESK_VINH_LINH))
            .header("Content-Type", "multipart/form-data; boundary=XyZb")
            .POST(HttpRequest.BodyPublishers.ofString("--XyZb\r\nContent-Type: text/plain\r\n\r\nhello\r\n--XyZb--\r\n"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, nameless.statusCode(), nameless.body());

        HttpResponse<byte[]> list = get(TestAccounts.DESK_VINH_LINH, "/dossiers/" + code + "/files");
        assertEquals("[]", new String(list.body(), StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("Issue 15 §1: another unit's account gets the same 404 for a file of a dossier it does not cover as"
        + " for a dossier nobody has, on list, download and upload")
    void otherUnitsSeeNothing() throws Exception {
        String code = receive();
        HttpResponse<String> attached = upload(TestAccounts.DESK_VINH_LINH, code, "a.pdf", pdf(1), Map.of());
        assertEquals(201, attached.statusCode(), attached.body());
        long id = JsonPath.from(attached.body()).getLong("id");
        String missing = code.substring(0, code.length() - 4) + "9999";

        assertEquals(404, get(TestAccounts.DESK_CUA_TUNG, "/dossiers/" + code + "/files").statusCode());
        assertEquals(404, get(TestAccounts.DESK_CUA_TUNG, "/dossiers/" + missing + "/files").statusCode());
        HttpResponse<byte[]> other = get(TestAccounts.DESK_CUA_TUNG, "/dossiers/" + code + "/files/" + id);
        assertEquals(404, other.statusCode());
        assertEquals(404, upload(TestAccounts.DESK_CUA_TUNG, code, "b.pdf", pdf(1), Map.of()).statusCode());
        // the owner's unit: a file number of another dossier is not found either
        assertEquals(404, get(TestAccounts.DESK_VINH_LINH, "/dossiers/" + receive() + "/files/" + id).statusCode());
    }

    @Test
    @DisplayName("Issue 15 §1: a file attached by mistake is withdrawn with a reason and stays listed with who and why")
    void withdraw() throws Exception {
        String code = receive();
        HttpResponse<String> attached = upload(TestAccounts.DESK_VINH_LINH, code, "nhầm.pdf", pdf(1), Map.of());
        long id = JsonPath.from(attached.body()).getLong("id");
        TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).body(Map.of()).when()
            .post("/dossiers/" + code + "/files/" + id + "/withdraw").then().statusCode(400);
        TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).body(Map.of("reason", "Quét nhầm hồ sơ khác")).when()
            .post("/dossiers/" + code + "/files/" + id + "/withdraw").then().statusCode(200);
        JsonPath listed = JsonPath.from(new String(get(TestAccounts.DESK_VINH_LINH, "/dossiers/" + code + "/files")
            .body(), StandardCharsets.UTF_8));
        assertEquals("Quét nhầm hồ sơ khác", listed.getString("[0].withdrawnReason"));
        assertEquals("tiepnhan.vinhlinh", listed.getString("[0].withdrawnBy"));
    }

    @Test
    @DisplayName("Issue 15 §2: a signed result PDF is attached with its number, date and signer; its signature is read"
        + " (signer from the certificate, signing time) and, with no trust anchor configured, reported correct but"
        + " untrusted; a number on a file that is not a result is 400")
    void signedResult() throws Exception {
        String code = receive();
        byte[] signed;
        try (var in = DossierFilesIT.class.getResourceAsStream("/files/ket-qua-ky-so-thu-nghiem.pdf")) {
            signed = in.readAllBytes();
        }
        HttpResponse<String> r = upload(TestAccounts.LEADER_VINH_LINH, code, "Kết quả ký số.pdf", signed,
            Map.of("purpose", "RESULT", "source", "AGENCY", "documentNumber", "123/GCN-UBND",
                "documentDate", "2026-12-01", "documentSigner", "Nguyễn Văn Ký"));
        assertEquals(201, r.statusCode(), r.body());
        JsonPath f = JsonPath.from(r.body());
        assertEquals("RESULT", f.getString("purpose"));
        assertEquals("123/GCN-UBND", f.getString("documentNumber"));
        assertEquals("2026-12-01", f.getString("documentDate"));
        assertEquals("Nguyễn Văn Ký", f.getString("documentSigner"));
        assertEquals("UNTRUSTED", f.getString("signature.status"));
        assertEquals(1, f.getInt("signature.count"));
        assertEquals("Nguyễn Văn Ký", f.getString("signature.signer"));
        assertTrue(f.getString("signature.signedAt").endsWith("+07:00"), f.getString("signature.signedAt"));
        assertTrue(f.getString("signature.detail").contains("no trust anchor"), f.getString("signature.detail"));

        HttpResponse<String> unsigned = upload(TestAccounts.DESK_VINH_LINH, code, "x.pdf", pdf(1), Map.of());
        assertEquals("NOT_SIGNED", JsonPath.from(unsigned.body()).getString("signature.status"));

        HttpResponse<String> notResult = upload(TestAccounts.DESK_VINH_LINH, code, "y.pdf", pdf(1),
            Map.of("documentNumber", "1/QĐ"));
        assertEquals(400, notResult.statusCode(), notResult.body());
        assertEquals("NOT_A_RESULT", JsonPath.from(notResult.body()).getString("reason"));
    }

    @Test
    @DisplayName("Issue 15 §2: once the result is ready, the citizen's lookup names the signed electronic result and"
        + " downloads it byte for byte; the return record points to it and the history names it; a withdrawn result"
        + " is no longer offered")
    void electronicResultForTheCitizen() throws Exception {
        String code = receive();
        byte[] slip = TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).when().get("/dossiers/" + code
            + "/forms/receipt-slip").then().statusCode(200).extract().asByteArray();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(".*[?&]token=([^&]+)").matcher(Pdfs.qr(slip));
        assertTrue(m.matches(), Pdfs.qr(slip));
        String token = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        byte[] signed;
        try (var in = DossierFilesIT.class.getResourceAsStream("/files/ket-qua-ky-so-thu-nghiem.pdf")) {
            signed = in.readAllBytes();
        }
        HttpResponse<String> first = upload(TestAccounts.LEADER_VINH_LINH, code, "Giấy chứng nhận – bản điện tử.pdf",
            signed, Map.of("purpose", "RESULT", "source", "AGENCY", "documentNumber", "45/GCN-UBND",
                "documentDate", "2026-12-04", "documentSigner", "Nguyễn Văn Ký"));
        assertEquals(201, first.statusCode(), first.body());
        long fileId = JsonPath.from(first.body()).getLong("id");
        var citizen = io.restassured.RestAssured.given().baseUri(TestServer.serverRoot(url).toString())
            .basePath(TestServer.API_V1 + "/public").queryParam("code", code).queryParam("token", token);
        // Before the result is ready the citizen is offered nothing, even with the file attached.
        citizen.when().get("/lookup").then().statusCode(200).body("electronicResult", org.hamcrest.Matchers.nullValue());
        citizen.when().get("/lookup/result").then().statusCode(404);

        TestWork.workToResult(url, null, code);
        JsonPath view = citizen.when().get("/lookup").then().statusCode(200).extract().jsonPath();
        assertEquals("số 45/GCN-UBND ngày 04/12/2026 (tệp \"Giấy chứng nhận – bản điện tử.pdf\")",
            view.getString("electronicResult.title"));
        assertEquals("Nguyễn Văn Ký", view.getString("electronicResult.signer"));
        assertEquals("Nguyễn Văn Ký", view.getString("electronicResult.certificateName"));
        assertEquals("UNTRUSTED", view.getString("electronicResult.signature"));
        assertEquals(sha256(signed), view.getString("electronicResult.sha256"));
        io.restassured.response.Response download = citizen.when().get("/lookup/result");
        assertEquals(200, download.statusCode());
        assertArrayEquals(signed, download.asByteArray());
        assertEquals("Giấy chứng nhận – bản điện tử.pdf", downloadedName(download.header("Content-Disposition")));
        io.restassured.RestAssured.given().baseUri(TestServer.serverRoot(url).toString())
            .basePath(TestServer.API_V1 + "/public").queryParam("code", code).queryParam("token", "AAAA-AAAA-AAAA-AAAA-AAAA")
            .when().get("/lookup/result").then().statusCode(404).body("reason", org.hamcrest.Matchers.equalTo("NO_MATCH"));
        // The public page links it.
        String page = io.restassured.RestAssured.given().baseUri(TestServer.appRoot(url).toString())
            .queryParam("code", code).queryParam("token", token).when().get("public/lookup.xhtml").then().statusCode(200)
            .extract().asString();
        assertTrue(page.contains("id=\"result-download\""), page);

        JsonPath returned = TestWork.act(url, TestAccounts.DESK_VINH_LINH, code, "return-result",
            Map.of("receivedBy", "Hoàng Văn Tệp", "method", "DIRECT"));
        assertEquals(fileId, returned.getLong("returnedResultFileId"));
        List<String> reasons = returned.getList("history.reason");
        assertEquals("Kèm kết quả điện tử: số 45/GCN-UBND ngày 04/12/2026 (tệp \"Giấy chứng nhận – bản điện tử.pdf\").",
            reasons.get(reasons.size() - 1));

        // closed: what was received cannot grow afterwards (a result can still be replaced)
        HttpResponse<String> late = upload(TestAccounts.DESK_VINH_LINH, code, "Bổ sung muộn.pdf",
            TestFiles.pdf(1), Map.of("component", "1"));
        assertEquals(409, late.statusCode(), late.body());
        assertEquals("DOSSIER_CLOSED", JsonPath.from(late.body()).getString("reason"));

        TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).body(Map.of("reason", "Ký nhầm bản"))
            .when().post("/dossiers/" + code + "/files/" + fileId + "/withdraw").then().statusCode(200);
        citizen.when().get("/lookup").then().statusCode(200).body("electronicResult", org.hamcrest.Matchers.nullValue());
    }
}
