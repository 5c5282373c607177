package clinic.healthcheck.people;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The service's API needs a login (HTTP Basic against the identity service); each endpoint names
 * the roles it serves. The Camunda webapps keep their own login and sessions.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, IdentityAuthenticationProvider identity)
            throws Exception {
        return basicLogin(http.securityMatcher("/api/**"), identity)
                .authorizeHttpRequests(
                        requests ->
                                requests.requestMatchers(HttpMethod.GET, "/api/health-checks/all")
                                        .hasAnyRole("MANAGER", "ADMIN")
                                        .requestMatchers(
                                                HttpMethod.GET, "/api/health-checks/*/candidates")
                                        .hasAnyRole("MANAGER", "ADMIN")
                                        .requestMatchers(
                                                HttpMethod.POST, "/api/health-checks/*/reassign")
                                        .hasAnyRole("MANAGER", "ADMIN")
                                        .requestMatchers(
                                                HttpMethod.POST, "/api/health-checks/*/assign")
                                        .hasAnyRole("CONSULTANT", "MANAGER", "ADMIN")
                                        .requestMatchers(
                                                HttpMethod.GET, "/api/health-checks/claimable")
                                        .hasRole("CONSULTANT")
                                        .requestMatchers("/api/assignment-logs/**")
                                        .hasAnyRole("MANAGER", "ADMIN")
                                        .requestMatchers("/api/notifications/**")
                                        .hasRole("ADMIN")
                                        .requestMatchers("/api/availability/**")
                                        .hasAnyRole("CONSULTANT", "MANAGER", "ADMIN")
                                        .requestMatchers(
                                                HttpMethod.GET, "/api/health-checks/assigned")
                                        .hasAnyRole("CONSULTANT", "MANAGER", "ADMIN")
                                        .anyRequest()
                                        .hasAnyRole("PATIENT", "CONSULTANT", "MANAGER", "ADMIN"))
                .build();
    }

    /**
     * The engine's REST API can change anything (groups, tasks, deployments), so only admins,
     * managers and analysts (who deploy DMN tables from Camunda Modeler) reach it.
     */
    @Bean
    @Order(2)
    SecurityFilterChain engineRest(HttpSecurity http, IdentityAuthenticationProvider identity)
            throws Exception {
        // Jersey, not Spring MVC, serves these paths, so match the raw request path
        var engineRest =
                http.securityMatcher(
                        request ->
                                request.getRequestURI()
                                        .startsWith(request.getContextPath() + "/engine-rest/"));
        return basicLogin(engineRest, identity)
                .authorizeHttpRequests(
                        requests -> requests.anyRequest().hasAnyRole("ADMIN", "MANAGER", "ANALYST"))
                // answered here, in the engine API's own shape: the servlet's error page would
                // try to read a refused deployment's multipart body and fail
                .exceptionHandling(
                        errors ->
                                errors.accessDeniedHandler(
                                        (request, response, denied) ->
                                                refuse(
                                                        response,
                                                        HttpServletResponse.SC_FORBIDDEN,
                                                        "Your role may not use the engine's REST"
                                                                + " API")))
                .build();
    }

    private static void refuse(HttpServletResponse response, int status, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter()
                .write("{\"type\":\"AuthorizationException\",\"message\":\"" + message + "\"}");
    }

    /** Every request carries its login (HTTP Basic); no session, so no CSRF token either. */
    private static HttpSecurity basicLogin(
            HttpSecurity http, IdentityAuthenticationProvider identity) throws Exception {
        return http.authenticationProvider(identity)
                .httpBasic(basic -> {})
                .csrf(csrf -> csrf.disable())
                .sessionManagement(
                        session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }

    /** Everything else (the webapps) is secured by Camunda itself. */
    @Bean
    @Order(3)
    SecurityFilterChain rest(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
