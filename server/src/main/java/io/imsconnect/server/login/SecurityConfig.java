package io.imsconnect.server.login;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import io.imsconnect.server.group.Rights;
import io.imsconnect.server.operator.OperatorService;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: the REST API (HTTP Basic or the console session, problem+json refusals) and the
 * console (form login, HTML pages). Administration needs the right {@code admin} in both.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ThrottledAuthenticationProvider localOperatorAuthentication(OperatorService operators, PasswordEncoder passwords,
            LoginThrottle throttle) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(new LocalOperatorDetailsService(operators));
        dao.setPasswordEncoder(passwords);
        return new ThrottledAuthenticationProvider(dao, throttle);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ThrottledAuthenticationProvider local, JsonMapper json) {
        ProblemResponses problems = new ProblemResponses(json);
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**")
                .authenticationProvider(local)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/v1/version", "/api/v1/me", "/v3/api-docs", "/v3/api-docs/**")
                        .authenticated()
                        .anyRequest().hasAuthority(Rights.ADMIN))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // A Basic-authenticated call carries its own credentials and cannot be forged by a page; a call
                // riding on the console's session cookie must show the CSRF token.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request -> !SAFE_METHODS.contains(request.getMethod())
                        && request.getHeader("Authorization") == null));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleChain(HttpSecurity http, ThrottledAuthenticationProvider local) {
        http.authenticationProvider(local)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/css/**", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/admin/**").hasAuthority(Rights.ADMIN)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }
}
