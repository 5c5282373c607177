package clinic.healthcheck.people;

import static clinic.healthcheck.checks.CheckType.MEDICAL;
import static clinic.healthcheck.checks.Priority.NORMAL;
import static clinic.healthcheck.consultants.ConsultantStatus.AVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import clinic.healthcheck.support.ServiceTestBase;
import clinic.healthcheck.support.WebClient;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The role table of the README, cell by cell, against every endpoint: who may request, assign and
 * view, and what everyone else gets (401 without a valid login, 403 without the right, 404 for a
 * check that is not theirs to see, never its data).
 *
 * <p>The clinic of every row: pat's check is assigned to carla, paula's to dana, and one of pat's
 * waits; nico is a nutritionist.
 */
class RoleTableIT extends ServiceTestBase {

    @Autowired MockMvc mvc;
    @LocalServerPort int port;

    private Map<String, Long> ids;

    @BeforeEach
    void clinic() {
        login("pat", Groups.PATIENTS);
        login("paula", Groups.PATIENTS);
        login("mara", Groups.MANAGERS);
        login("ana", Groups.ANALYSTS);
        login("root", Groups.ADMINS);
        login("forgetful", Groups.MANAGERS);
        consultant("carla", "Medical Staff", "", 3, "4.8", AVAILABLE);
        consultant("dana", "Medical Staff", "", 3, "4.0", AVAILABLE);
        consultant("nico", "Nutrition", "", 3, "4.5", AVAILABLE);
        long carlas = request("pat", MEDICAL, NORMAL).id();
        // carla full for a moment, so that paula's check goes to dana
        maximumOf("carla", 0);
        long danas = request("paula", MEDICAL, NORMAL).id();
        maximumOf("carla", 3);
        long waiting = backlog("pat", MEDICAL, NORMAL, "2026-01-05T08:00:00Z");
        ids = Map.of("carlas", carlas, "danas", danas, "waiting", waiting);
        assertThat(check(carlas).consultantUsername()).isEqualTo("carla");
        assertThat(check(danas).consultantUsername()).isEqualTo("dana");
    }

    /** Request bodies by the name the cells use. */
    private static final Map<String, String> BODIES =
            Map.of(
                    "medical", lowPriority("medical", null),
                    "medical-for-pat", lowPriority("medical", "pat"),
                    "medical-for-paula", lowPriority("medical", "paula"),
                    "nutrition-for-pat", lowPriority("nutrition", "pat"));

    private static String lowPriority(String checkType, String patient) {
        return "{\"checkType\":\""
                + checkType
                + "\",\"priority\":\"low\""
                + (patient == null ? "" : ",\"patient\":\"" + patient + "\"")
                + "}";
    }

    /** who, method, path ({name} is a check of the clinic), body or its name, expected status. */
    static Stream<String> cells() {
        return Stream.of(
                // --- no valid login
                "nobody GET /api/health-checks - 401",
                "forgetful:wrong GET /api/health-checks - 401",
                "nobody GET /engine-rest/process-instance - 401",
                // --- may request
                "pat POST /api/health-checks medical 201",
                "pat POST /api/health-checks medical-for-paula 400",
                "carla POST /api/health-checks medical-for-pat 201",
                "carla POST /api/health-checks medical 400",
                "nico POST /api/health-checks nutrition-for-pat 201",
                "mara POST /api/health-checks medical-for-pat 201",
                "root POST /api/health-checks medical-for-pat 201",
                "ana POST /api/health-checks medical-for-pat 403",
                // --- may assign
                "pat POST /api/health-checks/{waiting}/assign {} 403",
                "ana POST /api/health-checks/{waiting}/assign {} 403",
                "carla POST /api/health-checks/{waiting}/assign {} 200",
                "nico POST /api/health-checks/{waiting}/assign {} 409",
                "carla POST /api/health-checks/{waiting}/assign {\"consultant\":\"dana\"} 403",
                "carla POST /api/health-checks/{danas}/assign {} 404",
                "mara POST /api/health-checks/{waiting}/assign {\"consultant\":\"dana\"} 200",
                "mara POST /api/health-checks/{danas}/assign {\"consultant\":\"carla\"} 409",
                "mara POST /api/health-checks/{danas}/reassign {\"consultant\":\"carla\"} 200",
                "root POST /api/health-checks/{danas}/reassign {\"consultant\":\"carla\"} 200",
                "dana POST /api/health-checks/{danas}/reassign {\"consultant\":\"carla\"} 403",
                "pat POST /api/health-checks/{danas}/reassign {\"consultant\":\"carla\"} 403",
                "root POST /api/health-checks/{waiting}/assign {\"consultant\":\"dana\"} 200",
                "mara GET /api/health-checks/{waiting}/candidates - 200",
                "carla GET /api/health-checks/{waiting}/candidates - 403",
                "carla GET /api/health-checks/claimable - 200",
                "mara GET /api/health-checks/claimable - 403",
                "pat GET /api/health-checks/claimable - 403",
                // --- may view
                "pat GET /api/health-checks/{carlas} - 200",
                "pat GET /api/health-checks/{danas} - 404",
                "paula GET /api/health-checks/{carlas} - 404",
                "pat GET /api/health-checks - 200",
                "pat GET /api/health-checks/all - 403",
                "pat GET /api/health-checks/assigned - 403",
                "carla GET /api/health-checks/{carlas} - 200",
                "carla GET /api/health-checks/{danas} - 404",
                "carla GET /api/health-checks/{waiting} - 404",
                "carla GET /api/health-checks/assigned - 200",
                "carla GET /api/health-checks/all - 403",
                "nico GET /api/health-checks/{carlas} - 404",
                "mara GET /api/health-checks/{danas} - 200",
                "mara GET /api/health-checks/all - 200",
                "root GET /api/health-checks/{carlas} - 200",
                "root GET /api/health-checks/all - 200",
                "ana GET /api/health-checks/{carlas} - 403",
                "ana GET /api/health-checks - 403",
                // --- the lifecycle of a check
                "carla POST /api/health-checks/{carlas}/start - 200",
                "dana POST /api/health-checks/{carlas}/start - 404",
                "pat POST /api/health-checks/{carlas}/start - 403",
                "pat POST /api/health-checks/{danas}/cancel - 404",
                "pat POST /api/health-checks/{carlas}/cancel - 200",
                "carla POST /api/health-checks/{carlas}/cancel - 403",
                "mara POST /api/health-checks/{danas}/cancel - 200",
                // --- availability, audit, mail record
                "carla GET /api/availability - 200",
                "pat GET /api/availability - 403",
                "carla PATCH /api/availability?consultant=dana {\"status\":\"offline\"} 403",
                "mara PATCH /api/availability?consultant=dana {\"status\":\"offline\"} 200",
                "mara GET /api/assignment-logs - 200",
                "carla GET /api/assignment-logs - 403",
                "root GET /api/notifications - 200",
                "mara GET /api/notifications - 403",
                // --- the engine's REST API
                "pat GET /engine-rest/process-instance - 403",
                "carla GET /engine-rest/task - 403",
                "mara GET /engine-rest/process-instance - 200",
                "ana GET /engine-rest/decision-definition - 200",
                "root GET /engine-rest/user - 200");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void everyRoleGetsWhatTheTablePromises(String cell) throws Exception {
        String[] parts = cell.split(" ", 3);
        String who = parts[0];
        String method = parts[1];
        int cut = parts[2].lastIndexOf(' ');
        String rest = parts[2].substring(0, cut);
        int expected = Integer.parseInt(parts[2].substring(cut + 1));
        int space = rest.indexOf(' ');
        String path = resolve(rest.substring(0, space));
        String body = rest.substring(space + 1);
        body = body.equals("-") ? null : BODIES.getOrDefault(body, body);

        int status =
                path.startsWith("/engine-rest")
                        ? engineRest(who, method, path)
                        : api(who, method, path, body);

        assertThat(status).as(cell).isEqualTo(expected);
    }

    private int api(String who, String method, String path, String body) throws Exception {
        var request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path);
        if (!who.equals("nobody")) {
            String[] credentials = who.split(":");
            request.with(
                    httpBasic(credentials[0], credentials.length > 1 ? credentials[1] : PASSWORD));
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    /** Jersey serves the engine's REST API, so these go over HTTP. */
    private int engineRest(String who, String method, String path) {
        String user = who.equals("nobody") ? null : who;
        return new WebClient(port)
                .engineRest(method, path.substring("/engine-rest".length()), user, null)
                .statusCode();
    }

    private void maximumOf(String username, int max) {
        jdbc.update(
                "UPDATE consultant_availability SET max_concurrent_checks = ? WHERE username = ?",
                max,
                username);
    }

    private String resolve(String path) {
        for (var id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", Long.toString(id.getValue()));
        }
        return path;
    }
}
