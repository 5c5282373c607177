package clinic.healthcheck.system;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON values must have the type the field has: {@code "notes": 5}, {@code "mailOptOut": 1} or
 * {@code "maxConcurrentChecks": 2.5} are refused naming the field, not quietly turned into "5",
 * true or 2. A client that sends the wrong type has a bug that a silent conversion would hide.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonTypes() {
        return builder ->
                builder.featuresToDisable(
                                MapperFeature.ALLOW_COERCION_OF_SCALARS,
                                DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                        .postConfigurer(
                                mapper -> {
                                    var text = mapper.coercionConfigFor(LogicalType.Textual);
                                    text.setCoercion(
                                            CoercionInputShape.Integer, CoercionAction.Fail);
                                    text.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                                    text.setCoercion(
                                            CoercionInputShape.Boolean, CoercionAction.Fail);
                                    mapper.coercionConfigFor(LogicalType.Boolean)
                                            .setCoercion(
                                                    CoercionInputShape.Integer,
                                                    CoercionAction.Fail);
                                });
    }
}
