package clinic.healthcheck.people;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's own REST API is open by default; here it asks for a login against the same identity
 * service, so nobody reaches process data anonymously.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class EngineRestSecurity {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestLogin() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(
                "authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.setName("engine-rest-login");
        return registration;
    }
}
