package io.imsconnect.sandbox.keys;

import java.util.Date;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import io.imsconnect.sandbox.faults.FaultSwitches;
import io.imsconnect.sandbox.faults.Faults;

/**
 * Signs with the key ring's current key (RS256, its key ID in the header), or, for ID tokens while a fault asks for it,
 * with the unknown key or not at all ({@code alg: none}). The signing itself stays Nimbus's.
 */
public final class SandboxJwtEncoder implements JwtEncoder {

    /** Claim that tells an ID token from an access token; IMS tokens carry the same {@code type} claim. */
    public static final String TYPE_CLAIM = "type";

    public static final String ID_TOKEN_TYPE = "id_token";

    private final KeyRing keys;

    private final FaultSwitches faults;

    public SandboxJwtEncoder(KeyRing keys, FaultSwitches faults) {
        this.keys = keys;
        this.faults = faults;
    }

    @Override
    public Jwt encode(JwtEncoderParameters parameters) {
        JwtClaimsSet claims = parameters.getClaims();
        boolean idToken = ID_TOKEN_TYPE.equals(claims.getClaims().get(TYPE_CLAIM));
        Faults now = faults.current();
        if (idToken && now.idTokenAlgNone()) {
            return unsigned(claims);
        }
        RSAKey key = idToken && now.signWithUnknownKey() ? keys.unknownKey() : keys.current();
        JwsHeader header = JwsHeader.from(parameters.getJwsHeader()).keyId(key.getKeyID()).build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(key)));
        return encoder.encode(JwtEncoderParameters.from(header, claims));
    }

    private static Jwt unsigned(JwtClaimsSet claims) {
        JWTClaimsSet.Builder nimbus = new JWTClaimsSet.Builder();
        claims.getClaims().forEach((name, value) -> nimbus.claim(name, nimbusValue(value)));
        String token = new PlainJWT(nimbus.build()).serialize();
        return Jwt.withTokenValue(token).headers(h -> h.put("alg", "none")).claims(c -> c.putAll(claims.getClaims()))
                .issuedAt(claims.getIssuedAt()).expiresAt(claims.getExpiresAt()).build();
    }

    private static Object nimbusValue(Object value) {
        if (value instanceof java.time.Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof java.net.URL url) {
            return url.toString();
        }
        return value;
    }
}
