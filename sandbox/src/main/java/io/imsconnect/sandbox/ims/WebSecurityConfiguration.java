package io.imsconnect.sandbox.ims;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything outside the OAuth endpoints: the sign-in page, and the endpoints that check their own credentials (the
 * IMS profile and organizations read a bearer token, UMAPI a bearer token and an API key, the admin endpoints the
 * caller's address). None of these is used by a browser with a form, so CSRF protection is for the sign-in form only.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http) {
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .formLogin(form -> form.loginPage(AuthorizationServerConfiguration.LOGIN_PAGE).permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/sandbox/**", "/v2/usermanagement/**", "/ims/profile/**",
                        "/ims/organizations/**", "/ims/logout/**", "/ims/validate_token/**"));
        return http.build();
    }
}
