package clinic.healthcheck;

import clinic.healthcheck.cli.CommandLineMode;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the service, or runs one command-line mode ({@code assign}, {@code import}, {@code
 * mail-report}, {@code report}, {@code utilization}) against the same database and exits.
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
        var context = builder(args).run(withCommandSettings(args));
        if (CommandLineMode.isRequested(args)) {
            System.exit(SpringApplication.exit(context));
        }
    }

    /** A command runs without a web server; the service starts as configured. */
    static SpringApplicationBuilder builder(String[] args) {
        var builder = new SpringApplicationBuilder(HealthCheckApplication.class);
        if (CommandLineMode.isRequested(args)) {
            builder.web(WebApplicationType.NONE);
        }
        return builder;
    }

    /**
     * A command shares the database with running nodes: it runs no job executor, so it never takes
     * jobs that a node would otherwise run. These settings go in as command-line arguments, which
     * outrank application.yaml; default properties would not.
     */
    static String[] withCommandSettings(String[] args) {
        if (!CommandLineMode.isRequested(args)) {
            return args;
        }
        var settings =
                Stream.of(
                        "--" + CommandLineMode.ACTIVE_PROPERTY + "=true",
                        "--camunda.bpm.job-execution.enabled=false",
                        // the engine's REST API needs a web server
                        "--spring.autoconfigure.exclude="
                                + "org.camunda.bpm.spring.boot.starter.rest"
                                + ".CamundaBpmRestJerseyAutoConfiguration",
                        "--spring.main.banner-mode=off",
                        // the command prints its own report; the log keeps warnings
                        "--logging.level.root=warn");
        return Stream.concat(Arrays.stream(args), settings).toArray(String[]::new);
    }
}
