package clinic.healthcheck.reporting.cockpit;

import clinic.healthcheck.people.Caller;
import clinic.healthcheck.reporting.Analytics;
import clinic.healthcheck.reporting.Figures;
import clinic.healthcheck.reporting.Period;
import clinic.healthcheck.system.InvalidFieldException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Serves the figures to the Cockpit view under Cockpit's own session login. Cockpit lets any
 * signed-in user through, and Camunda authorizations may be off, so the resource checks the
 * caller's groups itself: managers and admins only. The figures come from the service's {@link
 * Analytics} bean and are written by the service's JSON mapper, so they read exactly as {@code GET
 * /api/analytics}.
 */
@Path("plugin/" + HealthChecksCockpitPlugin.ID)
public class HealthChecksPluginResource extends AbstractCockpitPluginRootResource {

    private static final String PROBLEM_JSON = "application/problem+json";

    public HealthChecksPluginResource() {
        super(HealthChecksCockpitPlugin.ID);
    }

    @GET
    @Path("{engineName}/figures")
    @Produces({MediaType.APPLICATION_JSON, PROBLEM_JSON})
    public Response figures(
            @PathParam("engineName") String engineName,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        ApplicationContext spring =
                WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
        ObjectMapper json = spring.getBean(ObjectMapper.class);

        Caller caller = signedIn(engineName);
        if (caller == null || !caller.oversees()) {
            return problem(
                    json,
                    ProblemDetail.forStatusAndDetail(
                            HttpStatus.FORBIDDEN,
                            "Only managers and admins may read the health-check figures"));
        }

        try {
            Period period = Period.parse(from, to, spring.getBean(Clock.class).instant());
            String body = json.writeValueAsString(asTheService(spring, period));
            return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
        } catch (InvalidFieldException e) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
            problem.setTitle("Invalid field");
            problem.setProperty("field", e.field());
            return problem(json, problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The figures could not be written as JSON", e);
        }
    }

    /**
     * The figures as the service reads them. The webapps run each request as the signed-in user,
     * and with authorizations on the engine would hide from a manager the groups that give each
     * consultant their role; the caller's right to the figures was checked above.
     */
    private static Figures asTheService(ApplicationContext spring, Period period) {
        IdentityService identity = spring.getBean(IdentityService.class);
        var caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return spring.getBean(Analytics.class).figures(period);
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    /** The user signed into the webapps for this engine, in the roles of their groups. */
    private static Caller signedIn(String engineName) {
        Authentications authentications = Authentications.getCurrent();
        if (authentications == null) {
            return null;
        }
        Authentication authentication =
                authentications.getAuthenticationForProcessEngine(engineName);
        if (!(authentication instanceof UserAuthentication user)) {
            return null;
        }
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        return Caller.ofGroups(user.getName(), groups);
    }

    private static Response problem(ObjectMapper json, ProblemDetail problem) {
        try {
            return Response.status(problem.getStatus())
                    .type(PROBLEM_JSON)
                    .entity(json.writeValueAsString(problem))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The problem could not be written as JSON", e);
        }
    }
}
