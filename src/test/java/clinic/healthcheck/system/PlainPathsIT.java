package clinic.healthcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Paths that the servlet container maps to the engine's REST API although they do not start with it
 * are refused before any login rule or servlet reads them: 400, never a server error, never a way
 * past the login. Sent over a raw socket, since HTTP clients tidy such paths before sending.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PlainPathsIT {

    @LocalServerPort int port;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/x/../engine-rest/decision-definition",
                "/./engine-rest/decision-definition",
                "//engine-rest/decision-definition",
                "/%65ngine-rest/decision-definition",
                "/engine-rest;x=1/decision-definition",
                "/api/../engine-rest/deployment"
            })
    void aPathNotWrittenPlainlyIsRefusedWithOrWithoutALogin(String path) throws IOException {
        assertThat(get(path, null)).startsWith("HTTP/1.1 400").contains("application/problem+json");
        assertThat(get(path, "nobody:wrong")).startsWith("HTTP/1.1 400");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/decision-definition", "/engine-rest"})
    void theEngineRestApiWrittenPlainlyStillAsksForALogin(String path) throws IOException {
        assertThat(get(path, null)).startsWith("HTTP/1.1 401");
    }

    private String get(String path, String login) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            var request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            if (login != null) {
                request.append("Authorization: Basic ")
                        .append(Base64.getEncoder().encodeToString(login.getBytes()))
                        .append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
