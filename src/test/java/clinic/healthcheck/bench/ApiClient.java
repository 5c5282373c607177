package clinic.healthcheck.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The service's API over HTTP on 127.0.0.1, signed in as the benchmark's admin. */
final class ApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    ApiClient(ServiceNode node) {
        this.base = "http://127.0.0.1:" + node.port();
        String login = ServiceNode.ADMIN + ":" + node.adminPassword();
        this.authorization =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(login.getBytes(StandardCharsets.UTF_8));
    }

    /** Asks for a check on a patient's behalf; the body is the check as the service stored it. */
    String request(String patient, String checkType, String priority) {
        String body =
                """
                {"patient":"%s","checkType":"%s","priority":"%s","description":"benchmark"}
                """
                        .formatted(patient, checkType, priority);
        return send("POST", "/api/health-checks", body, 201);
    }

    /** Changes a consultant's status or maximum, as a manager would. */
    String changeAvailability(String consultant, String change) {
        return send("PATCH", "/api/availability?consultant=" + consultant, change, 200);
    }

    private String send(String method, String path, String body, int expected) {
        var request =
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build();
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
