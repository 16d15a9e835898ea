package io.imsconnect.server.login;

import java.util.Collection;
import java.util.Objects;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The signed-in principal of an external account: named as the instance's operator (not the provider's
 * subject), with the rights read from the database at sign-in.
 */
final class OperatorOidcUser extends DefaultOidcUser {

    private static final long serialVersionUID = 1L;

    private final String operator;

    OperatorOidcUser(Collection<? extends GrantedAuthority> rights, OidcIdToken idToken, String operator) {
        super(rights, idToken, IdTokenClaimNames.SUB);
        this.operator = operator;
    }

    @Override
    public String getName() {
        return operator;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OperatorOidcUser that && super.equals(that) && operator.equals(that.operator);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), operator);
    }
}
