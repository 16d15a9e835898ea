package io.imsconnect.server.provider;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;

import io.imsconnect.core.access.Identity;
import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.account.AccountType;

/**
 * What differs between kinds of identity provider ({@code adobe-ims}, {@code oidc}; later Entra ID or Okta):
 * where its endpoints are, how it wants the scope list, how identity and profiles are read after sign-in, how
 * its session ends, what the directory credential asks for, and which package turns it on. One class per
 * kind, registered as a bean; callers ask {@link ProviderTypes} for the account's type and never test it.
 * See docs/decisions/0007-provider-type-per-class.md.
 */
public interface ProviderType {

    AccountType type();

    /** Where the provider's OpenID discovery document is. */
    String discoveryUrl(AccountSettings account);

    /** The endpoints sign-in and Test connection use, given the provider's discovery document. */
    Endpoints endpoints(AccountSettings account, ProviderMetadata.Metadata discovery);

    /** What separates the scopes in the authorization request's {@code scope} parameter for this provider. */
    String scopeSeparator();

    /**
     * Who signed in, after Spring Security validated the ID token: the identity, the organization check and the
     * product-profile names the mask is applied to. Throws {@link IdentityProviderException} when the provider
     * does not answer or its answers disagree.
     */
    Identity readIdentity(AccountSettings account, OidcUserRequest request);

    /**
     * Whether {@code account} would check this API bearer token, judged from the token's claims read without
     * trusting them ({@code token} empty: not a JWT). It only routes the token; {@link #readBearer} decides.
     */
    boolean routesBearer(AccountSettings account, Optional<UnverifiedClaims> token);

    /**
     * Who an API bearer token stands for, once the provider checked it: its claims, its client against the
     * account's API clients ({@code apiClientIds}), its expiry, and the provider's own word; identity and
     * profiles read as at sign-in. Throws {@link BearerTokenRefused} saying why a token identifies no one.
     *
     * @param clientSecret the login client's secret, for providers whose check needs it (introspection);
     *     {@code null} when none is stored
     */
    BearerIdentity readBearer(AccountSettings account, String token, String clientSecret);

    /**
     * For Test connection: sends the provider's bearer-token check a made-up token, as {@link #readBearer} would
     * send a real one. Empty: this account checks tokens without asking the provider (JWTs against its keys).
     */
    Optional<ProviderClient.Exchange> probeBearerCheck(AccountSettings account, String clientSecret);

    /** Where to send the browser after the local session ended, to end the provider's own; empty: nowhere. */
    Optional<String> logoutUri(AccountSettings account, String returnTo);

    /** The scope a directory (client-credentials) token asks for; empty: none is sent. */
    Optional<String> directoryScope();

    /**
     * The organization's directory (docs/provider-facts.md#umapi-users), read page by page with the account's
     * directory credentials; empty: this type has none, or the account lacks what it needs.
     */
    Optional<Directory> directory(AccountSettings account);

    /** The package that must be installed before accounts of this type may be used; empty: none. */
    Optional<String> requiredPackage();

    /**
     * The account form's type-specific sections this type uses (of {@code experienceCloud}, {@code directory},
     * {@code oidcClaims}, {@code accessTokens}); the console shows only these for an account of this type.
     */
    Set<String> formSections();

    /** The endpoints of one account's provider; {@code userinfo} may be {@code null}. */
    record Endpoints(String authorization, String token, String jwks, String userinfo) {
    }
}
