package clinic.healthcheck.people;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.healthcheck.HealthCheckApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A profile other than demo, as production runs it, still holding the default admin password. The
 * guard is not bound to the web server, so the service is started without one.
 */
class StartOutsideTheDemoIT {

    @Test
    void theServiceRefusesToStartWhileTheAdminPasswordIsStillADefault() {
        var service =
                new SpringApplicationBuilder(HealthCheckApplication.class)
                        .profiles("production")
                        // no web server: the webapps keep the last started context in a static
                        // field, and this one closes at once
                        .web(WebApplicationType.NONE)
                        .properties(
                                "spring.autoconfigure.exclude="
                                        + "org.camunda.bpm.spring.boot.starter.rest"
                                        + ".CamundaBpmRestJerseyAutoConfiguration",
                                "spring.datasource.url=jdbc:h2:mem:outside-the-demo",
                                "spring.datasource.username=sa",
                                "spring.datasource.password=",
                                "camunda.bpm.job-execution.enabled=false",
                                "clinic.people.admin-password=admin",
                                "logging.level.root=warn");

        assertThatThrownBy(service::run)
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Refusing to start")
                .hasMessageContaining("admin/admin is for the demo profile only");
    }
}
