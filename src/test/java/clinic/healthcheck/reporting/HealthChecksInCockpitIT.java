package clinic.healthcheck.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.healthcheck.support.AnalyticsScenario;
import clinic.healthcheck.support.Browser;
import clinic.healthcheck.support.CockpitSession;
import clinic.healthcheck.support.RunningServiceTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The "Health checks" view in Cockpit, in headless Chromium: a manager signs in, opens it, picks
 * the scenario's period, and every figure shown matches {@code GET /api/analytics} for the same
 * period. The screenshot goes to {@code target/screenshots/health-checks-in-cockpit.png}.
 */
class HealthChecksInCockpitIT extends RunningServiceTestBase {

    static final Path SCREENSHOT = Path.of("target/screenshots/health-checks-in-cockpit.png");
    static final Path DASHBOARD = Path.of("target/screenshots/cockpit-dashboard.png");

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void scenario() {
        // without an admin the webapps ask for one to be set up before anyone may sign in
        login("root", "camunda-admin");
        login("mara", "managers");
        User mara = identity.createUserQuery().userId("mara").singleResult();
        mara.setFirstName("Mara");
        mara.setLastName("Manager");
        identity.saveUser(mara);
        login("pat", "patients");
        login("ana", "analysts");
        new AnalyticsScenario(this).build();
    }

    @Test
    void aManagerSeesTheFiguresOfTheApiAsChartsInCockpit() throws Exception {
        try (var browser = new Browser()) {
            WebDriver page = browser.driver();
            browser.signIn(url("/camunda/app/cockpit/default/"), "mara", PASSWORD);

            WebElement summary =
                    browser.waiting()
                            .until(
                                    ExpectedConditions.visibilityOfElementLocated(
                                            By.cssSelector(".hc-summary")));
            JsonNode lastWeek = api("", "mara");
            assertThat(figure(summary, "pending.total"))
                    .isEqualTo(lastWeek.at("/pending/total").asText());
            browser.screenshot(DASHBOARD);

            page.findElement(By.linkText("Health checks")).click();
            browser.waiting()
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".hc-page")));
            choosePeriod(browser, "2026-01-05", "2026-01-07");
            WebElement view =
                    browser.waiting()
                            .until(
                                    ExpectedConditions.presenceOfElementLocated(
                                            By.cssSelector(
                                                    ".hc-page[data-from='2026-01-05T00:00:00Z']")));

            JsonNode figures =
                    api(
                            "?from="
                                    + view.getAttribute("data-from")
                                    + "&to="
                                    + view.getAttribute("data-to"),
                            "mara");
            assertTilesMatch(view, figures);
            assertTablesMatch(view, figures);
            assertChartsMatch(view, figures);

            fitWindowToView(browser);
            assertThat(browser.screenshot(SCREENSHOT)).exists();
        }
    }

    @Test
    void cockpitGivesTheFiguresOnlyToManagersAndAdminsAndNamesABadField() throws Exception {
        // an analyst may use Cockpit (for the decision tables), a patient may not even sign in
        var analyst = CockpitSession.signIn(url(""), "ana", PASSWORD);
        var refused = analyst.get("/camunda/api/cockpit/plugin/health-checks/default/figures");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Only managers and admins");

        var manager = CockpitSession.signIn(url(""), "mara", PASSWORD);
        var figures =
                manager.get(
                        "/camunda/api/cockpit/plugin/health-checks/default/figures"
                                + AnalyticsScenario.PERIOD);
        assertThat(figures.statusCode()).isEqualTo(200);
        JsonNode fromCockpit = json.readTree(figures.body());
        JsonNode fromApi = api(AnalyticsScenario.PERIOD, "mara");
        ((ObjectNode) fromCockpit).remove("asOf");
        ((ObjectNode) fromApi).remove("asOf");
        assertThat(fromCockpit).isEqualTo(fromApi);

        var reversed =
                manager.get(
                        "/camunda/api/cockpit/plugin/health-checks/default/figures"
                                + "?from=2026-01-07&to=2026-01-05");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(reversed.body()).at("/field").asText()).isEqualTo("to");

        var anonymous = get("/camunda/api/cockpit/plugin/health-checks/default/figures", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    /** Types the days into the view's own date fields, as a manager would, and asks for them. */
    private static void choosePeriod(Browser browser, String from, String to) {
        var script = (JavascriptExecutor) browser.driver();
        WebElement form = browser.driver().findElement(By.cssSelector("form.hc-periods"));
        script.executeScript(
                "arguments[0].value = arguments[1]", form.findElement(By.name("from")), from);
        script.executeScript(
                "arguments[0].value = arguments[1]", form.findElement(By.name("to")), to);
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private JsonNode api(String query, String username) throws Exception {
        var response = get("/api/analytics" + query, username);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static void assertTilesMatch(WebElement view, JsonNode figures) {
        Map<String, String> tiles =
                Map.of(
                        "pending.total", "/pending/total",
                        "pending.overdue", "/pending/overdue",
                        "assignments.total", "/assignments/total",
                        "assignments.automaticShare", "/assignments/automaticShare",
                        "breaches.breached", "/breaches/breached",
                        "breaches.share", "/breaches/share",
                        "requests.total", "/requests/total",
                        "timeToComplete.p50Seconds", "/timeToComplete/all/p50Seconds");
        tiles.forEach((name, pointer) -> assertSame(value(view, name), figures.at(pointer), name));
        assertThat(figure(view, "assignments.automaticShare")).isEqualTo("75%");
        assertThat(figure(view, "breaches.share")).isEqualTo("40%");
        assertThat(figure(view, "timeToComplete.p50Seconds")).isEqualTo("60 min");
    }

    private static void assertTablesMatch(WebElement view, JsonNode figures) {
        for (JsonNode row : figures.at("/pending/byPriority")) {
            WebElement shown = row(view, "pending", "data-priority", row.get("priority").asText());
            assertSame(value(shown, "checks"), row.get("checks"), "pending checks");
            assertSame(value(shown, "overdue"), row.get("overdue"), "pending overdue");
        }

        for (JsonNode row : figures.at("/timeToAssign")) {
            WebElement shown =
                    row(view, "time-to-assign", "data-priority", row.get("priority").asText());
            assertSame(value(shown, "requested"), row.get("requested"), "requested");
            assertSame(value(shown, "assigned"), row.at("/assigned/count"), "assigned");
            for (String spread : List.of("p50Seconds", "p90Seconds", "maxSeconds")) {
                assertSame(value(shown, spread), row.at("/assigned/" + spread), spread);
            }
            assertSame(value(shown, "breached"), row.get("breached"), "breached");
            assertSame(value(shown, "waitingPastDue"), row.get("waitingPastDue"), "past due");
        }

        for (JsonNode row : figures.at("/utilization/byConsultant")) {
            String name =
                    row.get("name").isNull()
                            ? row.get("username").asText()
                            : row.get("name").asText();
            assertLoadMatches(row(view, "consultant", "data-name", name), row, name);
        }
        for (JsonNode row : figures.at("/utilization/bySpecialization")) {
            String name = row.get("name").asText();
            assertLoadMatches(row(view, "specialization", "data-name", name), row, name);
        }
    }

    private static void assertLoadMatches(WebElement shown, JsonNode row, String who) {
        for (String field :
                List.of(
                        "current",
                        "averageLoad",
                        "freeSlots",
                        "currentUtilization",
                        "averageUtilization")) {
            assertSame(value(shown, field), row.get(field), who + " " + field);
        }
    }

    private static void assertChartsMatch(WebElement view, JsonNode figures) {
        List<WebElement> buckets = view.findElements(By.cssSelector("g[data-bucket]"));
        JsonNode overTime = figures.at("/assignments/overTime");
        assertThat(buckets).hasSize(overTime.size());
        for (int i = 0; i < buckets.size(); i++) {
            assertSame(
                    buckets.get(i).getAttribute("data-automatic"),
                    overTime.get(i).get("automatic"),
                    "automatic");
            assertSame(
                    buckets.get(i).getAttribute("data-manual"),
                    overTime.get(i).get("manual"),
                    "manual");
        }

        figures.at("/requests/byPriority")
                .fields()
                .forEachRemaining(
                        entry ->
                                assertSame(
                                        value(view, "requests.byPriority." + entry.getKey()),
                                        entry.getValue(),
                                        "priority mix"));
        figures.at("/requests/byCheckType")
                .fields()
                .forEachRemaining(
                        entry ->
                                assertSame(
                                        value(view, "requests.byCheckType." + entry.getKey()),
                                        entry.getValue(),
                                        "check-type mix"));
        for (JsonNode wait : figures.at("/waits")) {
            String reason = wait.get("reason").asText();
            assertSame(value(view, "waits." + reason + ".checks"), wait.get("checks"), reason);
        }
        assertThat(view.findElements(By.cssSelector("[data-priority] rect"))).isNotEmpty();
    }

    private static WebElement row(WebElement view, String table, String key, String value) {
        return view.findElement(
                By.cssSelector("[data-table='" + table + "'] tr[" + key + "='" + value + "']"));
    }

    private static String figure(WebElement scope, String name) {
        return scope.findElement(By.cssSelector("[data-figure='" + name + "']")).getText();
    }

    private static String value(WebElement scope, String name) {
        return scope.findElement(By.cssSelector("[data-figure='" + name + "']"))
                .getAttribute("data-value");
    }

    /** The page's value (empty for none) against the JSON's, as numbers. */
    private static void assertSame(String shown, JsonNode expected, String what) {
        if (expected == null || expected.isNull()) {
            assertThat(shown).as(what).isEmpty();
        } else {
            assertThat(Double.parseDouble(shown)).as(what).isEqualTo(expected.asDouble());
        }
    }

    /** Cockpit scrolls its content inside the window: make the window as tall as the view. */
    private static void fitWindowToView(Browser browser) {
        var script = (JavascriptExecutor) browser.driver();
        long height =
                ((Number)
                                script.executeScript(
                                        "return document.querySelector('.hc-view').scrollHeight"))
                        .longValue();
        int window = (int) Math.min(height + 240, 6000);
        browser.driver().manage().window().setSize(new Dimension(1400, window));
        browser.waiting()
                .until(
                        driver ->
                                ((Number) script.executeScript("return window.innerHeight"))
                                                .intValue()
                                        >= window - 200);
    }
}
