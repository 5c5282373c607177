package clinic.healthcheck.people;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A missing login (401) or a missing right (403) answered with an RFC 9457 problem body, like every
 * other refusal of the API, so a client reads all of them the same way.
 */
final class ProblemResponses {

    static final AuthenticationEntryPoint LOGIN_NEEDED =
            (request, response, e) -> {
                response.setHeader("WWW-Authenticate", "Basic realm=\"health-checks\"");
                write(
                        response,
                        HttpStatus.UNAUTHORIZED,
                        "Sign in with a valid username and password (HTTP Basic)");
            };

    static final AccessDeniedHandler RIGHT_MISSING =
            (request, response, e) ->
                    write(response, HttpStatus.FORBIDDEN, "Your role may not do this");

    /**
     * The engine REST API answers in its own shape; answered here, not by the servlet's error page,
     * which would try to read a refused deployment's multipart body and fail.
     */
    static final AccessDeniedHandler ENGINE_REST_REFUSED =
            (request, response, e) -> {
                response.setStatus(HttpStatus.FORBIDDEN.value());
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.getWriter()
                        .write(
                                "{\"type\":\"AuthorizationException\",\"message\":\"Your role may"
                                        + " not use the engine's REST API\"}");
            };

    private static void write(HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write(
                        "{\"type\":\"about:blank\",\"title\":\""
                                + status.getReasonPhrase()
                                + "\",\"status\":"
                                + status.value()
                                + ",\"detail\":\""
                                + detail
                                + "\"}");
    }

    private ProblemResponses() {}
}
