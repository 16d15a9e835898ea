package io.imsconnect.bench.floor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The floor of the sign-in benchmark: what any Spring application pays for the protocol. Nothing but Spring
 * Security's {@code oauth2Login} against the sandbox IMS, an in-memory client registration from properties, no
 * database, no mapping, sessions in memory. Its one page names the user and carries the sign-out form, so the
 * load test walks the same journey through it as through the instance.
 */
@SpringBootApplication
@RestController
public class FloorApplication {

    public static void main(String[] args) {
        SpringApplication.run(FloorApplication.class, args);
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health").permitAll()
                .anyRequest().authenticated())
                .oauth2Login(oauth -> { })
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    @GetMapping(value = "/", produces = "text/html")
    String home(@AuthenticationPrincipal OidcUser user, CsrfToken csrf) {
        return "<!DOCTYPE html><title>Floor</title><p id=\"user\">" + HtmlUtils.htmlEscape(user.getSubject())
                + "</p><form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"" + csrf.getParameterName()
                + "\" value=\"" + csrf.getToken() + "\"><button>Sign out</button></form>";
    }
}
