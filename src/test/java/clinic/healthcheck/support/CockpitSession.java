package clinic.healthcheck.support;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A session signed into the Camunda webapps as a browser holds one: the session cookie and the CSRF
 * token the webapps ask for on every request that changes something, sign-in included.
 */
public final class CockpitSession {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String base;

    private CockpitSession(String base) {
        this.base = base;
    }

    /** Signs in to Cockpit; fails unless the webapps accept the login. */
    public static CockpitSession signIn(String base, String username, String password) {
        var session = new CockpitSession(base);
        session.get("/camunda/app/cockpit/default/");
        String form =
                "username="
                        + URLEncoder.encode(username, StandardCharsets.UTF_8)
                        + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> login =
                RunningServiceTestBase.send(
                        session.http,
                        HttpRequest.newBuilder(
                                        URI.create(
                                                base
                                                        + "/camunda/api/admin/auth/user/default"
                                                        + "/login/cockpit"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("X-XSRF-TOKEN", session.csrfToken())
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build());
        if (login.statusCode() != 200) {
            throw new IllegalStateException(
                    "Sign-in of " + username + " refused: HTTP " + login.statusCode());
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        return RunningServiceTestBase.send(
                http,
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", "application/json")
                        .GET()
                        .build());
    }

    private String csrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the webapps set no CSRF cookie"));
    }
}
