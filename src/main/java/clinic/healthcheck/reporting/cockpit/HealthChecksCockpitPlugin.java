package clinic.healthcheck.reporting.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The "Health checks" view in Cockpit. Cockpit finds it through {@code META-INF/services}, serves
 * its scripts from {@code plugin-webapp/health-checks/app/} and its figures through {@link
 * HealthChecksPluginResource}.
 */
public class HealthChecksCockpitPlugin extends AbstractCockpitPlugin {

    public static final String ID = "health-checks";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(HealthChecksPluginResource.class);
    }
}
