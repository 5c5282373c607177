package clinic.healthcheck.people;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing without letting a guesser lock anyone out. Wrong passwords are
 * counted per client address and username: after {@value #MAX_FAILURES} in a row from one address,
 * that address may not try that username again for {@link #PAUSE}, while the person themselves,
 * signing in from their own machine, is not held up. Every login passes here: HTTP Basic on the API
 * and the engine's REST API, and the webapps' sign-in form. Each node counts its own tries; behind
 * a load balancer, set {@code server.forward-headers-strategy} so that the client address is the
 * one the balancer saw.
 */
final class LoginThrottle extends OncePerRequestFilter {

    static final int MAX_FAILURES = 5;
    static final Duration PAUSE = Duration.ofMinutes(5);

    /** Past this many remembered addresses and usernames, the oldest are forgotten first. */
    private static final int REMEMBERED = 100_000;

    private static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";

    private record Failures(int count, Instant last) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = usernameOf(request);
        if (username == null) {
            chain.doFilter(request, response);
            return;
        }

        String key = request.getRemoteAddr() + " " + username.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Failures before = failures.get(key);
        if (before != null && before.count() >= MAX_FAILURES) {
            Duration left = Duration.between(now, before.last().plus(PAUSE));
            if (!left.isNegative()) {
                refuse(response, left);
                return;
            }
        }

        chain.doFilter(request, response);

        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            forgetOldest();
            failures.merge(
                    key,
                    new Failures(1, now),
                    (earlier, next) -> new Failures(earlier.count() + 1, now));
        } else if (response.getStatus() < 400 || response.getStatus() == 403) {
            failures.remove(key);
        }
    }

    /** The username a request signs in with, or null when it carries no login. */
    private static String usernameOf(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String login =
                        new String(
                                Base64.getDecoder().decode(header.substring(6).trim()),
                                StandardCharsets.UTF_8);
                int colon = login.indexOf(':');
                return colon < 0 ? login : login.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        boolean webappLogin =
                "POST".equals(request.getMethod())
                        && request.getRequestURI()
                                .startsWith(request.getContextPath() + WEBAPP_LOGIN)
                        && request.getRequestURI().contains("/login/");
        return webappLogin ? request.getParameter("username") : null;
    }

    private void forgetOldest() {
        if (failures.size() < REMEMBERED) {
            return;
        }
        Instant cutoff = clock.instant().minus(PAUSE);
        failures.values().removeIf(entry -> entry.last().isBefore(cutoff));
        if (failures.size() >= REMEMBERED) {
            failures.clear();
        }
    }

    private static void refuse(HttpServletResponse response, Duration left) throws IOException {
        long seconds = Math.max(1, left.toSeconds());
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write(
                        "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                                + "\"detail\":\"Too many wrong passwords for this username from"
                                + " this address; try again in "
                                + seconds
                                + " s\"}");
    }
}
