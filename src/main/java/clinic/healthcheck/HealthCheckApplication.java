package clinic.healthcheck;

import clinic.healthcheck.cli.CommandLineMode;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the service, or runs one command-line mode ({@code assign}, {@code import}, {@code
 * mail-report}) against the same database and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HealthCheckApplication {

    public static void main(String[] args) {
        if (CommandLineMode.isMistyped(args)) {
            System.out.print(CommandLineMode.USAGE);
            System.exit(64);
        }
        // The embedded H2 file database opens a port for the command-line modes to share it;
        // keep it on this machine unless an admin says otherwise.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        var builder = new SpringApplicationBuilder(HealthCheckApplication.class);

        if (CommandLineMode.isRequested(args)) {
            // A command shares the database with running nodes: it starts no web server and no
            // job executor, so it never takes jobs that a node would otherwise run. The switch
            // is a system property because application.yaml, which turns the executor on, takes
            // precedence over the builder's defaults below.
            System.setProperty("camunda.bpm.job-execution.enabled", "false");
            builder.web(WebApplicationType.NONE)
                    .properties(
                            CommandLineMode.ACTIVE_PROPERTY + "=true",
                            // the engine's REST API needs a web server
                            "spring.autoconfigure.exclude="
                                    + "org.camunda.bpm.spring.boot.starter.rest"
                                    + ".CamundaBpmRestJerseyAutoConfiguration",
                            "spring.main.banner-mode=off",
                            // the command prints its own report; the log keeps warnings
                            "logging.level.root=warn");
        }

        var context = builder.run(args);
        if (CommandLineMode.isRequested(args)) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
