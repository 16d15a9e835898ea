package io.imsconnect.server.login;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.account.AccountType;
import io.imsconnect.server.account.AccountService;

/**
 * After the local session ends: an operator who came through an {@code adobe-ims} account is sent to IMS
 * logout, which returns to this instance's sign-in page; everyone else goes straight there.
 */
final class ImsLogoutSuccessHandler implements LogoutSuccessHandler {

    private final AccountService accounts;

    ImsLogoutSuccessHandler(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        String local = request.getContextPath() + "/login?logout";
        if (authentication instanceof OAuth2AuthenticationToken token) {
            AccountSettings account = accounts.find(token.getAuthorizedClientRegistrationId())
                    .filter(a -> a.type() == AccountType.ADOBE_IMS).orElse(null);
            if (account != null) {
                String back = AccountSettings.withoutTrailingSlashes(account.callbackServer()) + "/login?logout";
                response.sendRedirect(UriComponentsBuilder
                        .fromUriString(AccountSettings.withoutTrailingSlashes(account.imsServer()) + "/ims/logout/v1")
                        .queryParam("client_id", "{client}").queryParam("redirect_uri", "{back}")
                        .encode().buildAndExpand(account.imsClientId(), back).toUriString());
                return;
            }
        }
        response.sendRedirect(local);
    }
}
