package clinic.healthcheck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its own chromedriver (both installed by .ci/run). The
 * flags keep it from reaching for the network, which this machine closes, and from needing a
 * sandbox, which a root user cannot have.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final Path profile;
    private final WebDriver driver;

    public Browser() {
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        var service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                        .build();
        driver = new ChromeDriver(service, options);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Waits up to 30 seconds: the webapps load their scripts on first visit. */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /**
     * Opens a webapp's page and signs in on its login form. The form gives the username field the
     * focus once its scripts are ready, which may be while the password is being typed, so each
     * field is typed until it holds what was typed.
     */
    public void signIn(String pageUrl, String username, String password) {
        driver.get(pageUrl);
        By usernameField = By.cssSelector("input[ng-model='username']");
        By passwordField = By.cssSelector("input[ng-model='password']");
        for (int attempt = 0; attempt < 3; attempt++) {
            type(usernameField, username);
            type(passwordField, password);
            if (holds(usernameField, username) && holds(passwordField, password)) {
                driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']"))
                        .click();
                waiting().until(ExpectedConditions.invisibilityOfElementLocated(usernameField));
                return;
            }
        }
        throw new IllegalStateException("the sign-in form did not keep what was typed");
    }

    private void type(By field, String text) {
        WebElement input = waiting().until(ExpectedConditions.elementToBeClickable(field));
        input.clear();
        input.sendKeys(text);
    }

    private boolean holds(By field, String text) {
        return text.equals(driver.findElement(field).getDomProperty("value"));
    }

    /** Saves what the page shows now, for a reader of the build output. */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            return Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
