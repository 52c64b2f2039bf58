package vn.gov.quangtri.motcua.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Issue 9 item 7 on the screen: the tracking book's "Cơ quan chủ trì giải quyết" of a first land registration
 * (H50-L006, whose approval step is labelled "Lãnh đạo cơ quan có thẩm quyền") is the commune, and a reversed
 * date range gives a message instead of an empty book.
 */
@MotcuaIT
class TrackingBookBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    /** Presses "Xuất Excel" of the tracking book as the browser's session would (its cookie and view state). */
    private static HttpResponse<byte[]> export(Browser b) {
        String viewState = b.driver().findElement(By.name("jakarta.faces.ViewState")).getAttribute("value");
        String session = b.driver().manage().getCookieNamed("JSESSIONID").getValue();
        String page = b.driver().getCurrentUrl();
        String form = "book=book&book%3Aexport=&jakarta.faces.ViewState="
            + URLEncoder.encode(viewState, StandardCharsets.UTF_8);
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(page))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "JSESSIONID=" + session)
                .header("Referer", page).header("Origin", URI.create(page).resolve("/").toString().replaceAll("/$", ""))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("H50-L006 row: lead agency Xã Vĩnh Linh, not the step label, also in the streamed .xlsx; 31/03 → 01/03 refused with a message")
    void leadAgencyAndReversedRange() throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            docs.add(Map.of("requiredPosition", i, "form", "ORIGINAL"));
        }
        String code = TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).body(Map.of("procedureCode", "H50-L006",
                "receivingAgencyCode", "QT25.XA_VINH_LINH", "applicant", Map.of("kind", "INDIVIDUAL", "name", "Hồ Văn Sổ"),
                "documents", docs))
            .when().post("/dossiers").then().statusCode(201).extract().path("code");
        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            try {
                b.signIn(TestAccounts.DESK_VINH_LINH.username());
                b.go("/app/tracking-book.xhtml");
                WebElement row = b.driver().findElement(By.xpath("//tr[.//a[text()='" + code + "']]"));
                assertTrue(row.getText().contains("Xã Vĩnh Linh"), row.getText());
                assertFalse(row.getText().contains("Lãnh đạo cơ quan có thẩm quyền"), row.getText());
                b.screenshot("tracking-book-lead-agency");

                // "Xuất Excel" in this session: the streamed .xlsx holds the dossier's line with the same lead agency
                HttpResponse<byte[]> file = export(b);
                assertEquals(200, file.statusCode());
                assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    file.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
                assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains("so-theo-doi-ho-so_"),
                    file.headers().toString());
                try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
                    Sheet sheet = wb.getSheet("Sổ theo dõi hồ sơ");
                    Row line = null;
                    for (Row r : sheet) {
                        if (r.getRowNum() > 4 && code.equals(r.getCell(1).getStringCellValue())) {
                            line = r;
                        }
                    }
                    assertNotNull(line, "the dossier's line in the exported book");
                    assertEquals("Hồ Văn Sổ", line.getCell(4).getStringCellValue());
                    assertEquals("Xã Vĩnh Linh", line.getCell(6).getStringCellValue());
                    assertEquals(line.getRowNum() - 4, (int) line.getCell(0).getNumericCellValue(), "numbered in order");
                }

                // typed into the date pickers' inputs directly (their calendars would cover the button)
                JavascriptExecutor js = b.driver();
                js.executeScript("document.getElementById('book:from_input').value = '31/03/2026';"
                    + "document.getElementById('book:to_input').value = '01/03/2026';");
                js.executeScript("arguments[0].click();", b.find("book:apply"));
                b.settle();
                String messages = b.text("messages");
                assertTrue(messages.contains("Khoảng thời gian không hợp lệ"), messages);
                b.screenshot("tracking-book-reversed-range");
            } catch (RuntimeException | AssertionError e) {
                b.evidence("tracking-book");
                throw e;
            }
        }
    }
}
