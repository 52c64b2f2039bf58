package vn.gov.quangtri.motcua.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 15 §1 in the browser: at the desk, two components of a land dossier are scanned and attached on the dossier
 * page (PrimeFaces upload), listed with their Vietnamese names, and downloaded through the page's links with the same
 * bytes and names; a text file named .pdf is refused with a message and nothing is attached.
 */
@MotcuaIT
class DossierFilesBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    private String receive() {
        return TestFiles.receive(url, "Lê Văn Quét", "045190006666", "0912666777");
    }

    private static byte[] pdf(int pages) throws IOException {
        return TestFiles.pdf(pages);
    }

    /** Chooses a component in the panel's menu, then gives the file to the upload's input and waits for the list. */
    private static void attach(Browser b, int component, Path file, String expectInList) {
        b.click("dossier:fileComponent");
        b.wait(10).until(ExpectedConditions.elementToBeClickable(
            By.cssSelector("#dossier\\:fileComponent_items li[data-label^='" + component + ". ']"))).click();
        b.settle();
        b.driver().findElement(By.id("dossier:upload_input")).sendKeys(file.toAbsolutePath().toString());
        b.wait(60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), expectInList));
        b.settle();
    }

    @Test
    @DisplayName("Issue 15 §1: scan-and-attach two components at the desk, download them with their names intact;"
        + " a text file named .pdf is refused on screen")
    void scanAndAttach() throws Exception {
        String code = receive();
        Path dir = Files.createTempDirectory("motcua-scan");
        Path first = dir.resolve("Đơn đăng ký đất đai – bản quét 100%.pdf");
        Files.write(first, pdf(3));
        Path second = dir.resolve("Giấy tờ tùy thân (CCCD) của ông Quét.pdf");
        Files.write(second, pdf(1));
        Path fake = dir.resolve("không phải PDF.pdf");
        Files.writeString(fake, "chỉ là chữ");
        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            try {
                b.signIn(TestAccounts.DESK_VINH_LINH.username());
                b.go("/app/dossier.xhtml?code=" + code);
                attach(b, 1, first, "Đã đính kèm tệp \"" + first.getFileName() + "\"");
                attach(b, 2, second, "Đã đính kèm tệp \"" + second.getFileName() + "\"");
                String list = b.text("dossier:fileList");
                assertTrue(list.contains(first.getFileName().toString()) && list.contains(second.getFileName().toString()),
                    list);
                b.screenshot("dossier-files");

                b.driver().findElement(By.id("dossier:upload_input")).sendKeys(fake.toAbsolutePath().toString());
                b.wait(60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "Loại tệp không được chấp nhận"));
                b.settle();
                assertEquals(2, b.all(By.cssSelector("a.mc-file-link")).size());

                String session = b.driver().manage().getCookieNamed("JSESSIONID").getValue();
                for (WebElement link : b.all(By.cssSelector("a.mc-file-link"))) {
                    String name = link.getText().strip();
                    Path sent = name.equals(first.getFileName().toString()) ? first : second;
                    HttpResponse<byte[]> d = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(link.getAttribute("href"))).header("Cookie", "JSESSIONID=" + session).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                    assertEquals(200, d.statusCode());
                    assertArrayEquals(Files.readAllBytes(sent), d.body());
                    String disposition = d.headers().firstValue("Content-Disposition").orElseThrow();
                    String encoded = disposition.substring(disposition.indexOf("UTF-8''") + "UTF-8''".length());
                    assertEquals(sent.getFileName().toString(),
                        URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8));
                }
            } catch (Throwable t) {
                b.evidence("dossier-files");
                throw t;
            }
        }
    }
}
