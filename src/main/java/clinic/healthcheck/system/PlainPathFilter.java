package clinic.healthcheck.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400, a request path that is not written the one plain way ({@code /a/../b}, {@code
 * //b}, {@code ;x=1}, {@code %65}). The servlet container maps such a path to a servlet while
 * security rules and the engine's REST API read it differently; refused before any of them runs, it
 * can neither slip past a login nor end as a server error. Spring Security's strict firewall
 * decides; this filter runs it first, and adds percent-encoded plain characters, which no ordinary
 * client writes.
 */
final class PlainPathFilter extends OncePerRequestFilter {

    /** A percent-encoded letter, digit, '-', '.', '_' or '~' (RFC 3986's unreserved set). */
    private static final Pattern ENCODED_PLAIN_CHARACTER =
            Pattern.compile("%(?:[46][1-9a-fA-F]|[57][0-9aA]|3[0-9]|2[dDeE]|5[fF]|7[eE])");

    private final StrictHttpFirewall firewall = new StrictHttpFirewall();

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isPlain(request)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write(
                            "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                                    + "\"detail\":\"Write the request path without '..', '//',"
                                    + " ';' or percent-encoded letters.\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isPlain(HttpServletRequest request) {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            return false;
        }
        return !ENCODED_PLAIN_CHARACTER.matcher(request.getRequestURI()).find();
    }
}
