package clinic.healthcheck.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code clinic.models}.
 *
 * @param location the folder that holds {@code bpmn/}, {@code dmn/} and {@code forms/}
 */
@ConfigurationProperties("clinic.models")
public record ModelsProperties(@DefaultValue(".") String location) {}
