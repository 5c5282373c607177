package clinic.healthcheck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The whole service behind a real port on loopback, for what only a running server shows: the
 * Camunda webapps with their plugins, and the actuator with its Prometheus registry. Its database
 * (H2 in memory, apart from the other tests') can be cut off to see health turn DOWN.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(SwitchableDatabase.class)
public abstract class RunningServiceTestBase extends ServiceTestBase {

    @LocalServerPort protected int port;
    @Autowired protected SwitchableDatabase.Switch database;

    private final HttpClient http = HttpClient.newHttpClient();

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /**
     * A GET, with HTTP Basic when {@code username} is given (the password is {@link #PASSWORD}).
     */
    protected HttpResponse<String> get(String path, String username) {
        var request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (username != null) {
            String login = username + ":" + PASSWORD;
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(login.getBytes(StandardCharsets.UTF_8)));
        }
        return send(http, request.build());
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
