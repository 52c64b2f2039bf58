package vn.gov.quangtri.motcua.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    @Test
    @DisplayName("H50-L006 row: lead agency Xã Vĩnh Linh, not the step label; 31/03 → 01/03 refused with a message")
    void leadAgencyAndReversedRange() {
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
