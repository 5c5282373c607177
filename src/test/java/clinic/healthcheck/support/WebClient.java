package clinic.healthcheck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Speaks to the running service over HTTP as a browser or Camunda Modeler would: the engine's REST
 * API with HTTP Basic, and the webapps' own API after signing in, with their session cookie and
 * CSRF token. Jersey serves both, which MockMvc does not reach.
 */
public final class WebClient {

    private final String base;
    private final HttpClient http;
    private String csrfToken;

    public WebClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        // HTTP/1.1 as browsers speak it to this server: an h2c upgrade would lose form bodies
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .cookieHandler(new CookieManager())
                        .build();
    }

    public String url(String path) {
        return base + path;
    }

    /** A call to the engine's REST API as the user; null user for none. */
    public HttpResponse<String> engineRest(String method, String path, String user, String body) {
        var request =
                HttpRequest.newBuilder(URI.create(base + "/engine-rest" + path))
                        .header("Content-Type", "application/json")
                        .method(method, body == null ? BodyPublishers.noBody() : json(body));
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return send(request.build());
    }

    /** Deploys one file as Camunda Modeler's deploy button does. */
    public HttpResponse<String> deploy(String user, String fileName, String content) {
        String boundary = "modeler-" + UUID.randomUUID();
        String body =
                part(boundary, "deployment-name", null, "analyst edit")
                        + part(boundary, "deployment-source", null, "Camunda Modeler")
                        + part(boundary, "deploy-changed-only", null, "true")
                        + part(boundary, "data", fileName, content)
                        + "--"
                        + boundary
                        + "--\r\n";
        return send(
                HttpRequest.newBuilder(URI.create(base + "/engine-rest/deployment/create"))
                        .header("Authorization", basic(user))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(BodyPublishers.ofString(body))
                        .build());
    }

    /** Signs into a webapp (tasklist, cockpit, admin) as the browser's login form does. */
    public HttpResponse<String> signIn(String application, String user) {
        send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build());
        String form =
                "username="
                        + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password="
                        + URLEncoder.encode(ServiceTestBase.PASSWORD, StandardCharsets.UTF_8);
        var response =
                send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                base
                                                        + "/camunda/api/admin/auth/user/default/login/"
                                                        + application))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("X-XSRF-TOKEN", csrfToken)
                                .POST(BodyPublishers.ofString(form))
                                .build());
        // the session changes at sign-in, and its token with it
        webapp("GET", "/task/count", null);
        return response;
    }

    /** A call to the engine through the webapps' API, in the signed-in session. */
    public HttpResponse<String> webapp(String method, String path, String body) {
        return webapp(method, path, body, null);
    }

    /** The same, asking for a media type, such as Tasklist's {@code application/hal+json}. */
    public HttpResponse<String> webapp(String method, String path, String body, String accept) {
        var request =
                HttpRequest.newBuilder(
                                URI.create(base + "/camunda/api/engine/engine/default" + path))
                        .header("Content-Type", "application/json")
                        .method(method, body == null ? BodyPublishers.noBody() : json(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (csrfToken != null) {
            request.header("X-XSRF-TOKEN", csrfToken);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
            response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher json(String body) {
        return BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }

    private static String basic(String user) {
        String credentials = user.contains(":") ? user : user + ":" + ServiceTestBase.PASSWORD;
        return "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static String part(String boundary, String name, String fileName, String content) {
        String disposition =
                "form-data; name=\""
                        + name
                        + "\""
                        + (fileName == null ? "" : "; filename=\"" + fileName + "\"");
        return "--"
                + boundary
                + "\r\nContent-Disposition: "
                + disposition
                + "\r\n"
                + (fileName == null ? "" : "Content-Type: application/octet-stream\r\n")
                + "\r\n"
                + content
                + "\r\n";
    }
}
