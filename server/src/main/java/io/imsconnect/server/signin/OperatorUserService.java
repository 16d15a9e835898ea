package io.imsconnect.server.signin;

import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import io.imsconnect.core.access.Identity;
import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.errors.LogText;
import io.imsconnect.server.provider.ProviderTypes;

/**
 * Turns a validated OIDC sign-in into an operator: the account's provider type reads the identity, lets
 * {@link SignInService} decide, and returns the principal with the operator's rights from the database.
 */
final class OperatorUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String ACCOUNT_DISABLED = "account_disabled";
    static final String SERVER_ERROR = "server_error";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OperatorUserService.class);

    private final SignInAccounts accounts;
    private final ProviderTypes types;
    private final SignInService signIns;

    OperatorUserService(SignInAccounts accounts, ProviderTypes types, SignInService signIns) {
        this.accounts = accounts;
        this.types = types;
        this.signIns = signIns;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        String name = request.getClientRegistration().getRegistrationId();
        AccountSettings account = accounts.find(name).filter(AccountSettings::enabled)
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(ACCOUNT_DISABLED,
                        "The external account " + name + " was disabled during the sign-in", null)));
        Identity identity = types.of(account).readIdentity(account, request);
        SignInService.SignedIn signedIn = signIn(account, identity, request.getIdToken().getNonce());
        List<SimpleGrantedAuthority> rights = signedIn.rights().stream().map(SimpleGrantedAuthority::new).toList();
        return new OperatorOidcUser(rights, request.getIdToken(), signedIn.operator());
    }

    /**
     * Two callbacks of the same person at once (a double click, two tabs) may both create the operator or the
     * same membership; the loser's transaction rolls back, and one retry finds what the winner made. Anything
     * else unexpected becomes a failed sign-in with a recorded decision, not an error page.
     */
    private SignInService.SignedIn signIn(AccountSettings account, Identity identity, String nonce) {
        try {
            try {
                return signIns.signIn(account, identity, nonce);
            } catch (DataIntegrityViolationException concurrent) {
                return signIns.signIn(account, identity, nonce);
            }
        } catch (OAuth2AuthenticationException refused) {
            throw refused;
        } catch (RuntimeException unexpected) {
            log.error("Sign-in through {} failed unexpectedly for subject {}", account.internalName(),
                    LogText.quote(identity.subject()), unexpected);
            throw new OAuth2AuthenticationException(new OAuth2Error(SERVER_ERROR,
                    "The instance could not complete the sign-in", null), unexpected);
        }
    }
}
