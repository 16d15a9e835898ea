package io.imsconnect.server.signin;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.NullRequestCache;

import io.imsconnect.server.account.AccountService;
import io.imsconnect.server.config.ImsConnectProperties;
import io.imsconnect.server.decision.LoginDecisionService;
import io.imsconnect.server.group.Rights;
import io.imsconnect.server.password.LocalPasswords;
import io.imsconnect.server.provider.ProviderClient;
import io.imsconnect.server.provider.ProviderTypes;
import io.imsconnect.server.token.ApiTokens;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: the REST API (HTTP Basic, a provider's access token as {@code Authorization: Bearer}, or
 * the console session; problem+json refusals) and the
 * console (local form login and sign-in through the external accounts with Spring Security's
 * {@code oauth2Login}, HTML pages). Administration needs the right {@code admin} in both.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /**
     * The console's pages load scripts, styles, images and fonts from this instance only, and no page may frame
     * them; no inline script or style (the templates have none).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'";

    /** Local password sign-in, shared by both chains. */
    private final AuthenticationProvider local;
    private final ImsConnectProperties.Security security;

    SecurityConfig(LocalPasswords passwords, ImsConnectProperties properties) {
        this.local = passwords.provider();
        this.security = properties.security();
    }

    /**
     * A script calling with HTTP Basic or a bearer token carries its own credentials and needs no CSRF token; a
     * call riding on the console's session cookie does. A browser can replay Basic credentials it once prompted for, so a
     * cross-site request (Fetch Metadata, {@code Sec-Fetch-Site}) always needs the token.
     */
    static boolean needsCsrfToken(jakarta.servlet.http.HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        String authorization = request.getHeader("Authorization");
        boolean basic = authorization != null && (authorization.regionMatches(true, 0, "Basic ", 0, 6)
                || authorization.regionMatches(true, 0, "Bearer ", 0, 7));
        return !basic || "cross-site".equals(request.getHeader("Sec-Fetch-Site"));
    }

    @Bean
    static PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, JsonMapper json, ApiTokens tokens) {
        ProblemResponses problems = new ProblemResponses(json);
        AuthenticationManager bearerTokens = tokens.manager();
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/actuator/prometheus")
                .authenticationProvider(local)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/v1/version", "/api/v1/me").authenticated()
                        .anyRequest().hasAuthority(Rights.ADMIN))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                // Bearer requests are stateless: Spring's filter keeps the authentication in the request only.
                .oauth2ResourceServer(bearer -> bearer.authenticationManagerResolver(request -> bearerTokens)
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // Stateless unless the console's session comes along: no session, saved request or CSRF token is
                // stored for a call without one (docs/decisions/0012).
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.csrfTokenRepository(new ExistingSessionCsrfTokens())
                        .requireCsrfProtectionMatcher(SecurityConfig::needsCsrfToken));
        return http.build();
    }

    @Bean
    ClientRegistrationRepository clientRegistrations(SignInAccounts accounts, ProviderTypes types) {
        return new AccountClientRegistrations(accounts, types);
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleChain(HttpSecurity http, ClientRegistrationRepository registrations,
            AccountService accounts, SignInAccounts signInAccounts, ProviderTypes types, ProviderClient providers,
            SignInService signIns, LoginDecisionService decisions, AuthorizationRequestCookie authorizationRequests) {
        LoginSuccessHandler success = new LoginSuccessHandler(security.sessionTimeout());
        LoginUrlAuthenticationEntryPoint signInPage = new LoginUrlAuthenticationEntryPoint("/login");
        // The redirect names no host, so a forged Host header cannot send the browser elsewhere.
        signInPage.setFavorRelativeUris(true);
        http.authenticationProvider(local)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/login/**", "/error", "/assets/**", "/webjars/**", "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/admin/**").hasAuthority(Rights.ADMIN)
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(signInPage))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .addFilterBefore(new AuthorizationStartGuard(registrations, decisions),
                        OAuth2AuthorizationRequestRedirectFilter.class)
                .formLogin(form -> form.loginPage("/login").successHandler(success).permitAll())
                .oauth2Login(oauth -> oauth.loginPage("/login")
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(new NoTokenStore())
                        .authorizationEndpoint(authorize -> authorize
                                .authorizationRequestRepository(authorizationRequests)
                                .authorizationRequestResolver(AuthorizationRequests.resolver(registrations, signInAccounts, types)))
                        .tokenEndpoint(token -> token
                                .accessTokenResponseClient(new TokensReceived(providers.authorizationCodeTokenClient())))
                        .userInfoEndpoint(user -> user.oidcUserService(new OperatorUserService(signInAccounts, types, signIns)))
                        .successHandler(success)
                        .failureHandler(new LoginFailureHandler(decisions, accounts)))
                .logout(logout -> logout.logoutSuccessHandler(new ProviderLogoutSuccessHandler(accounts, types)));
        return http.build();
    }
}
