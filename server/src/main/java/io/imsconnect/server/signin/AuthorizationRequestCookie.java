package io.imsconnect.server.signin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Component;

import io.imsconnect.server.account.SealedValues;

/**
 * The authorization request (state, nonce, PKCE verifier) from the start of a sign-in to its callback, in a sealed
 * cookie instead of the session (docs/decisions/0025): an anonymous start stores nothing on the instance, and any
 * node that shares the secret key reads it. The cookie is AES-GCM sealed ({@link SealedValues}: nobody can read or
 * forge it), carries its own expiry (the anonymous session's lifetime, checked inside the seal, not trusted to the
 * browser), and is sent to the callback path only, {@code HttpOnly}, {@code SameSite=Lax} (the callback is a
 * top-level navigation from the provider) and {@code Secure} whenever the request came over https, as the session
 * cookie. The callback must bring the same {@code state} (Spring Security's check, as with the session); the
 * cookie is cleared there, and a replay of the same callback is refused by the ID token's nonce being usable once
 * ({@link UsedNonces}), besides the provider refusing a code twice.
 */
@Component
final class AuthorizationRequestCookie implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String COOKIE = "IMSCONNECT_SIGNIN";
    static final String CALLBACK_PATH = "/login/oauth2/code/";

    private static final String CONTEXT = "signin/authorizationRequest";
    /** The request and what it holds: strings, maps, sets and Spring Security's OAuth 2.0 values, nothing else. */
    private static final ObjectInputFilter ONLY_THE_REQUEST = ObjectInputFilter.Config.createFilter(
            "maxdepth=10;maxrefs=1000;maxbytes=16384;java.lang.*;java.util.*;"
                    + "org.springframework.security.oauth2.core.**;!*");

    private final SealedValues sealed;
    private final Duration lifetime;
    private final Clock clock;

    /** @param lifetime the anonymous session's (docs/decisions/0012): as long as a sign-in may take */
    AuthorizationRequestCookie(SealedValues sealed, @Value("${spring.session.timeout:10m}") Duration lifetime,
            Clock clock) {
        this.sealed = sealed;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        if (state == null) {
            return null;
        }
        OAuth2AuthorizationRequest stored = read(request);
        return stored != null && state.equals(stored.getState()) ? stored : null;
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
            HttpServletResponse response) {
        if (authorizationRequest == null) {
            clear(request, response);
            return;
        }
        String value = sealed.seal(serialize(authorizationRequest, clock.instant().plus(lifetime)), CONTEXT);
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, value, lifetime).toString());
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
            HttpServletResponse response) {
        OAuth2AuthorizationRequest stored = loadAuthorizationRequest(request);
        if (stored != null) {
            clear(request, response);
        }
        return stored;
    }

    private OAuth2AuthorizationRequest read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return sealed.open(cookie.getValue(), CONTEXT).map(this::deserialize).orElse(null);
            }
        }
        return null;
    }

    private void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO).toString());
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value).path(request.getContextPath() + CALLBACK_PATH).maxAge(maxAge)
                .httpOnly(true).secure(request.isSecure()).sameSite("Lax").build();
    }

    /**
     * The expiry, then the request in Java serialization (Spring Security's own form of it in a session), deflated:
     * 3.1 KB sealed as it was, near a browser's 4 KB a cookie, about half that deflated. Compressing before
     * encrypting leaks nothing here: the request holds no text a third party chooses (docs/decisions/0025).
     */
    private static byte[] serialize(OAuth2AuthorizationRequest authorizationRequest, Instant expires) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream data = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            data.writeLong(expires.getEpochSecond());
            try (ObjectOutputStream objects = new ObjectOutputStream(data)) {
                objects.writeObject(authorizationRequest);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The authorization request could not be serialized", e);
        }
        return bytes.toByteArray();
    }

    /** Only ever called on a value this instance sealed; null when it has expired. */
    private OAuth2AuthorizationRequest deserialize(byte[] plaintext) {
        try (DataInputStream data = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(plaintext)))) {
            if (!clock.instant().isBefore(Instant.ofEpochSecond(data.readLong()))) {
                return null;
            }
            try (ObjectInputStream objects = new ObjectInputStream(data)) {
                objects.setObjectInputFilter(ONLY_THE_REQUEST);
                return objects.readObject() instanceof OAuth2AuthorizationRequest stored ? stored : null;
            }
        } catch (IOException | ClassNotFoundException unreadable) {
            return null;
        }
    }
}
