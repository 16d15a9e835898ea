package io.imsconnect.server.signin;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * The signed-in principal of an external account: named as the instance's operator (not the provider's
 * subject), with the rights read from the database at sign-in. It keeps a few claims of the ID token, never
 * the token itself: the principal lives in the session store, and the signed token is of no use after
 * sign-in.
 */
final class OperatorOidcUser extends DefaultOidcUser {

    private static final long serialVersionUID = 1L;
    private static final String NOT_KEPT = "not-kept";
    private static final List<String> KEPT_CLAIMS = List.of(IdTokenClaimNames.SUB, IdTokenClaimNames.ISS,
            IdTokenClaimNames.AUD, "email", "name");

    private final String operator;

    OperatorOidcUser(Collection<? extends GrantedAuthority> rights, OidcIdToken idToken, String operator) {
        super(rights, claimsOnly(idToken), IdTokenClaimNames.SUB);
        this.operator = operator;
    }

    private static OidcIdToken claimsOnly(OidcIdToken idToken) {
        Map<String, Object> claims = new LinkedHashMap<>();
        for (String name : KEPT_CLAIMS) {
            if (idToken.hasClaim(name)) {
                claims.put(name, idToken.getClaim(name));
            }
        }
        return new OidcIdToken(NOT_KEPT, idToken.getIssuedAt(), idToken.getExpiresAt(), claims);
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
