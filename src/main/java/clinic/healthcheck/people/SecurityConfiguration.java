package clinic.healthcheck.people;

import java.time.Clock;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
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

    private static final String ENGINE_REST = "/engine-rest";

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
                                        .requestMatchers("/api/analytics/**")
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
        // Jersey, not Spring MVC, serves these paths. The container maps a request to Jersey by
        // its servlet path; the raw path says the same once PlainPathFilter let it through.
        var engineRest =
                http.securityMatcher(
                        request ->
                                request.getServletPath().equals(ENGINE_REST)
                                        || request.getRequestURI()
                                                .startsWith(
                                                        request.getContextPath()
                                                                + ENGINE_REST
                                                                + "/"));
        return basicLogin(engineRest, identity)
                .authorizeHttpRequests(
                        requests -> requests.anyRequest().hasAnyRole("ADMIN", "MANAGER", "ANALYST"))
                // refused in the engine API's own shape, which Camunda Modeler reads
                .exceptionHandling(
                        errors -> errors.accessDeniedHandler(ProblemResponses.ENGINE_REST_REFUSED))
                .build();
    }

    /**
     * Actuator: the bare health status (UP or DOWN, nothing else) is open, so a load balancer can
     * probe each node; its details, the metrics and the Prometheus scrape are for admins only.
     */
    @Bean
    @Order(0)
    SecurityFilterChain operations(HttpSecurity http, IdentityAuthenticationProvider identity)
            throws Exception {
        return basicLogin(http.securityMatcher(EndpointRequest.toAnyEndpoint()), identity)
                .authorizeHttpRequests(
                        requests ->
                                requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                                        .permitAll()
                                        .anyRequest()
                                        .hasRole("ADMIN"))
                .build();
    }

    /** Before any login is checked, so that a guesser is turned away unheard. */
    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottle(Clock clock) {
        var registration = new FilterRegistrationBean<>(new LoginThrottle(clock));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Every request carries its login (HTTP Basic); no session, so no CSRF token either. */
    private static HttpSecurity basicLogin(
            HttpSecurity http, IdentityAuthenticationProvider identity) throws Exception {
        return http.authenticationProvider(identity)
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.LOGIN_NEEDED))
                .exceptionHandling(
                        errors ->
                                errors.authenticationEntryPoint(ProblemResponses.LOGIN_NEEDED)
                                        .accessDeniedHandler(ProblemResponses.RIGHT_MISSING))
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
