package clinic.healthcheck.people;

import static clinic.healthcheck.checks.CheckType.MEDICAL;
import static clinic.healthcheck.checks.Priority.URGENT;
import static clinic.healthcheck.consultants.ConsultantStatus.AVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.healthcheck.checks.CheckStatus;
import clinic.healthcheck.checks.HealthCheck;
import clinic.healthcheck.checks.HealthCheckProcess;
import clinic.healthcheck.checks.HealthCheckRepository.NewHealthCheck;
import clinic.healthcheck.checks.Priority;
import clinic.healthcheck.support.Browser;
import clinic.healthcheck.support.ServiceTestBase;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The people at work, in real headless Chromium: a consultant signs into Tasklist, opens the check
 * assigned to them, starts it and records it through the two forms; then a manager signs into
 * Cockpit and finds its process instance with its variables.
 */
class WorkInTheWebappsIT extends ServiceTestBase {

    @LocalServerPort int port;

    @Test
    void aConsultantWorksACheckInTasklistAndAManagerFindsItInCockpit() {
        consultant("carla", "Medical Staff", "", 2, "4.8", AVAILABLE);
        login("mara", Groups.MANAGERS);
        HealthCheck check =
                healthChecks.request(
                        new NewHealthCheck(
                                "pat",
                                null,
                                MEDICAL,
                                URGENT,
                                null,
                                "Dizzy since the new medicine",
                                "Asthma since childhood",
                                false));
        HealthCheck later = request("paula", MEDICAL, Priority.LOW);
        assertThat(check.consultantUsername()).isEqualTo("carla");
        assertThat(later.consultantUsername()).isEqualTo("carla");

        try (Browser browser = new Browser()) {
            try {
                workInTasklist(browser, check, later);
                findInCockpit(browser, check);
            } catch (RuntimeException | AssertionError e) {
                Path shot = browser.screenshot(Path.of("target", "screenshots", "webapps.png"));
                throw new AssertionError("Browser test failed; the page is in " + shot, e);
            }
        }
    }

    private void workInTasklist(Browser browser, HealthCheck check, HealthCheck later) {
        WebDriver page = browser.driver();
        browser.signIn(url("/camunda/app/tasklist/default/"), "carla", PASSWORD);

        String urgent = taskOf(check, HealthCheckProcess.START_CONSULTATION);
        String low = taskOf(later, HealthCheckProcess.START_CONSULTATION);
        browser.waiting()
                .until(
                        ExpectedConditions.numberOfElementsToBe(
                                By.cssSelector("[cam-tasks] .tasks-list a[href*='task=']"), 2));
        assertThat(
                        page
                                .findElements(
                                        By.cssSelector("[cam-tasks] .tasks-list a[href*='task=']"))
                                .stream()
                                .map(link -> link.getAttribute("href"))
                                .toList())
                .as("the urgent check first, though requested earlier")
                .satisfiesExactly(
                        first -> assertThat(first).contains(urgent),
                        second -> assertThat(second).contains(low));

        open(browser, urgent);
        browser.waiting()
                .until(
                        ExpectedConditions.attributeToBe(
                                field("What the patient asks about", "textarea"),
                                "value",
                                "Dizzy since the new medicine"));
        assertThat(page.findElement(field("Medical history", "textarea")).getAttribute("value"))
                .isEqualTo("Asthma since childhood");
        type(browser, field("Scheduled on", "input"), "12/01/2030" + Keys.TAB);
        type(browser, field("At (UTC)", "input"), "10:30" + Keys.TAB);
        complete(browser);
        browser.waiting().until(d -> check(check.id()).status() == CheckStatus.IN_PROGRESS);

        open(browser, taskOf(check, HealthCheckProcess.RECORD_CONSULTATION));
        type(browser, field("Clinical notes", "textarea"), "Blood pressure low after the new dose");
        type(browser, field("Recommendations", "textarea"), "Halve the dose; drink more water");
        click(browser, By.cssSelector("input[type='checkbox'][id$='Field_FollowUpNeeded']"));
        complete(browser);
        browser.waiting().until(d -> check(check.id()).status() == CheckStatus.COMPLETED);

        HealthCheck done = check(check.id());
        assertThat(done.scheduledAt()).isEqualTo(Instant.parse("2030-12-01T10:30:00Z"));
        assertThat(done.consultantNotes()).isEqualTo("Blood pressure low after the new dose");
        assertThat(done.recommendations()).isEqualTo("Halve the dose; drink more water");
        assertThat(
                        runtime.getVariable(
                                done.processInstanceId(),
                                HealthCheckProcess.Variables.FOLLOW_UP_NEEDED))
                .isEqualTo(true);
    }

    private void findInCockpit(Browser browser, HealthCheck check) {
        WebDriver page = browser.driver();
        page.manage().deleteAllCookies();
        browser.signIn(url("/camunda/app/cockpit/default/"), "mara", PASSWORD);

        String definition =
                runtime.createProcessInstanceQuery()
                        .processInstanceId(check.processInstanceId())
                        .singleResult()
                        .getProcessDefinitionId();
        page.get(
                url(
                        "/camunda/app/cockpit/default/#/process-definition/"
                                + definition
                                + "/runtime"));
        browser.waiting()
                .until(
                        ExpectedConditions.elementToBeClickable(
                                By.cssSelector("a[href*='" + check.processInstanceId() + "']")))
                .click();
        click(browser, By.xpath("//a[normalize-space()='Variables']"));
        // the variables table: name, type, value
        browser.waiting()
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.xpath(
                                        "//td[normalize-space()='consultant']"
                                                + "/following-sibling::td[2]"),
                                "carla"));
        assertThat(browser.driver().findElement(By.tagName("body")).getText())
                .contains(HealthCheckProcess.Variables.CHECK_ID)
                .contains(HealthCheckProcess.Variables.PRIORITY);
    }

    /** Clicks the task in the list, as a user would. */
    private void open(Browser browser, String taskId) {
        browser.waiting()
                .until(
                        ExpectedConditions.elementToBeClickable(
                                By.cssSelector("[cam-tasks] a[href*='task=" + taskId + "']")))
                .click();
    }

    /** Closes Tasklist's notices first, as a user would: they sit over the button. */
    private void complete(Browser browser) {
        browser.driver().findElements(By.cssSelector("[notifications-panel] .close")).stream()
                .filter(WebElement::isDisplayed)
                .forEach(WebElement::click);
        click(browser, By.cssSelector("button[ng-click='complete()']"));
    }

    /** Scrolls the element to the middle of the window first: the page footer covers its foot. */
    private static void click(Browser browser, By element) {
        WebElement target =
                browser.waiting().until(ExpectedConditions.elementToBeClickable(element));
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", target);
        browser.waiting().until(ExpectedConditions.elementToBeClickable(target)).click();
    }

    private static void type(Browser browser, By field, String text) {
        browser.waiting().until(ExpectedConditions.elementToBeClickable(field)).sendKeys(text);
    }

    /** The form field under the label, as the consultant reads it. */
    private static By field(String label, String element) {
        return By.xpath(
                "//label[contains(normalize-space(.), '"
                        + label
                        + "')]/following::"
                        + element
                        + "[1]");
    }

    private String taskOf(HealthCheck check, String activityId) {
        return tasks.createTaskQuery()
                .processInstanceId(check.processInstanceId())
                .taskDefinitionKey(activityId)
                .singleResult()
                .getId();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
