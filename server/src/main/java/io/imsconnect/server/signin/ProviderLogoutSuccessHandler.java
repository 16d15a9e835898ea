package io.imsconnect.server.signin;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.account.AccountService;
import io.imsconnect.server.provider.ProviderTypes;

/**
 * After the local session ends: an operator who came through an external account whose provider type ends its
 * own session (IMS) is sent there, and it returns to this instance's sign-in page; everyone else goes straight
 * there.
 */
final class ProviderLogoutSuccessHandler implements LogoutSuccessHandler {

    private final AccountService accounts;
    private final ProviderTypes types;

    ProviderLogoutSuccessHandler(AccountService accounts, ProviderTypes types) {
        this.accounts = accounts;
        this.types = types;
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        Optional<String> provider = Optional.empty();
        if (authentication instanceof OAuth2AuthenticationToken token) {
            provider = accounts.find(token.getAuthorizedClientRegistrationId()).flatMap(account -> types.of(account)
                    .logoutUri(account, AccountSettings.withoutTrailingSlashes(account.callbackServer())
                            + "/login?logout"));
        }
        response.sendRedirect(provider.orElse(request.getContextPath() + "/login?logout"));
    }
}
