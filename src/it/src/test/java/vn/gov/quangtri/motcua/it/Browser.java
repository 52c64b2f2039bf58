package vn.gov.quangtri.motcua.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium for the back-office screens: sign in and out, wait for
 * PrimeFaces Ajax to settle, take screenshots into {@code target/screenshots/<database>/}, and fetch a
 * link (a PDF slip) with the browser's session. When Chromium or ChromeDriver is missing the tests are
 * skipped with the line "Browser tests SKIPPED" (CI installs both and fails on that line).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("motcua.it.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("motcua.it.chromedriver", "/usr/bin/chromedriver"));

    /** Password of the demonstration accounts (AccountBootstrap.DEMO_PASSWORD). */
    static final String DEMO_PASSWORD = "Motcua@2026";

    private final ChromeDriver driver;
    private final URI appRoot;
    private final Path shots;
    private static final java.util.concurrent.atomic.AtomicInteger SHOT = new java.util.concurrent.atomic.AtomicInteger();

    private Browser(ChromeDriver driver, URI appRoot, Path shots) {
        this.driver = driver;
        this.appRoot = appRoot;
        this.shots = shots;
    }

    /** Starts Chromium, or skips the calling test when it is not installed. */
    static Browser open(URI appRoot) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "Browser tests SKIPPED: " + CHROMIUM + " or " + CHROMEDRIVER
                + " not installed (Debian packages chromium and chromium-driver)";
            System.out.println(message);
            Assumptions.abort(message);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic", "--window-size=1440,1100", "--lang=vi");
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Path dir = Path.of("target", "screenshots", TestServer.database());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Browser(driver, appRoot, dir);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a path under the application root, e.g. {@code /app/inbox.xhtml}. */
    void go(String path) {
        driver.get(appRoot + path);
        settle();
    }

    /** Signs in through the form and waits for the inbox (or the page asked for). */
    void signIn(String username) {
        signIn(username, DEMO_PASSWORD);
    }

    /** As {@link #signIn(String)}, with another password than the demonstration accounts'. */
    void signIn(String username, String password) {
        go("/login.xhtml");
        driver.findElement(By.id("signin:username")).sendKeys(username);
        driver.findElement(By.id("signin:password")).sendKeys(password);
        driver.findElement(By.id("signin:submit")).click();
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("shell:sign-out")));
        settle();
    }

    /** Signs out with the header button and waits for the sign-in page. */
    void signOut() {
        driver.findElement(By.id("shell:sign-out")).click();
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("signin:username")));
    }

    WebElement find(String id) {
        return wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Clicks a button and waits until its Ajax request (or page load) has finished. */
    void click(String id) {
        WebElement e = wait(20).until(ExpectedConditions.elementToBeClickable(By.id(id)));
        e.click();
        settle();
    }

    /**
     * Clicks a button that submits the whole page (no Ajax) and waits for the next page. Chromium 156 has been seen to
     * answer a command on the button with "Node with given id does not belong to the document" while the submit it
     * started was already replacing the page (the next page was there, the form had been sent once): that answer means
     * the page is changing, so the method goes on waiting for the next page rather than failing or clicking again.
     */
    void clickAndLoad(String id) {
        WebElement html = driver.findElement(By.tagName("html"));
        try {
            wait(20).until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
        } catch (WebDriverException e) {
            if (e.getMessage() == null || !e.getMessage().contains("does not belong to the document")) {
                throw e;
            }
        }
        wait(30).until(ExpectedConditions.stalenessOf(html));
        settle();
    }

    /** Saves a screenshot and the page source, for a failed test. */
    void evidence(String name) {
        try {
            screenshot("FAILED-" + name);
            Files.writeString(shots.resolve("FAILED-" + name + ".html"), driver.getPageSource());
        } catch (RuntimeException | IOException e) {
            // best effort
        }
    }

    /** Types into an input (cleared first). */
    void type(String id, String text) {
        WebElement e = find(id);
        e.clear();
        e.sendKeys(text);
    }

    /** Waits for the document and any PrimeFaces/jQuery Ajax request to finish. */
    void settle() {
        wait(30).until(d -> {
            Object done = ((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete'"
                    + " && (!window.jQuery || jQuery.active === 0)"
                    + " && (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty());");
            return Boolean.TRUE.equals(done);
        });
    }

    WebDriverWait wait(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    /**
     * The stripped text of the element with this id. A full-page answer (a form POST) can replace the element between
     * finding and reading it, so a stale element is looked up again, up to five times.
     */
    String text(String id) {
        for (int attempt = 1; ; attempt++) {
            try {
                return find(id).getText().strip();
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
                settle();
            }
        }
    }

    /** Saves a PNG of the window as {@code NN-name.png}; returns its path. */
    Path screenshot(String name) {
        Path target = shots.resolve(String.format("%02d-%s.png", SHOT.incrementAndGet(), name));
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return target;
    }

    /** Replaces the session cookie with one the server does not know (as after a session timeout). */
    void expireSession() {
        Cookie old = driver.manage().getCookieNamed("JSESSIONID");
        driver.manage().deleteCookieNamed("JSESSIONID");
        driver.manage().addCookie(new Cookie("JSESSIONID", "expired0000000000000000000000", old == null ? "/motcua" : old.getPath()));
    }

    /** GETs an absolute URL with the browser's session cookie; returns status and body. */
    HttpResponse<byte[]> fetch(String url) throws IOException, InterruptedException {
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
            .header("Cookie", "JSESSIONID=" + (session == null ? "" : session.getValue())).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        driver.quit();
    }
}
