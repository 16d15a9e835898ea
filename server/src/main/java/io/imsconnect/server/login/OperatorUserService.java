package io.imsconnect.server.login;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.account.AccountService;

/**
 * Turns a validated OIDC sign-in into an operator: reads the identity from the provider, lets
 * {@link SignInService} decide, and returns the principal with the operator's rights from the database.
 */
final class OperatorUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String ACCOUNT_DISABLED = "account_disabled";

    private final AccountService accounts;
    private final IdentityReader identities;
    private final SignInService signIns;

    OperatorUserService(AccountService accounts, IdentityReader identities, SignInService signIns) {
        this.accounts = accounts;
        this.identities = identities;
        this.signIns = signIns;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        String name = request.getClientRegistration().getRegistrationId();
        AccountSettings account = accounts.find(name).filter(AccountSettings::enabled)
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(ACCOUNT_DISABLED,
                        "The external account " + name + " was disabled during the sign-in", null)));
        ExternalIdentity identity = identities.read(account, request);
        SignInService.SignedIn signedIn = signIns.signIn(account, identity);
        List<SimpleGrantedAuthority> rights = signedIn.rights().stream().map(SimpleGrantedAuthority::new).toList();
        return new OperatorOidcUser(rights, request.getIdToken(), signedIn.operator());
    }
}
