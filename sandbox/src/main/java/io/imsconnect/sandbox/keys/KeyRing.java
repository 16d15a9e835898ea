package io.imsconnect.sandbox.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import io.imsconnect.sandbox.faults.FaultSwitches;

/**
 * The sandbox's RSA signing keys. Key IDs follow IMS ({@code ims_na1-key-1}, {@code -2}, …). After a rotation the
 * previous key stays published for a grace period, so tokens it signed still validate. One extra key is never
 * published: the "sign with an unknown key" fault uses it.
 */
public final class KeyRing {

    private static final String KEY_ID_PREFIX = "ims_na1-key-";

    private record RetiredKey(RSAKey key, Instant retiredAt) {
    }

    private final FaultSwitches faults;

    private final Duration gracePeriod;

    private final Clock clock;

    private final RSAKey unknownKey;

    private final List<RetiredKey> retired = new ArrayList<>();

    private RSAKey current;

    private int generation = 1;

    public KeyRing(FaultSwitches faults, Duration gracePeriod, Clock clock) {
        this.faults = faults;
        this.gracePeriod = gracePeriod;
        this.clock = clock;
        this.current = generate(KEY_ID_PREFIX + generation);
        this.unknownKey = generate("unknown-" + UUID.randomUUID());
    }

    public synchronized RSAKey current() {
        return current;
    }

    public RSAKey unknownKey() {
        return unknownKey;
    }

    /** Makes a new current key; the old one stays published for the grace period. */
    public synchronized RSAKey rotate() {
        retired.add(new RetiredKey(current, clock.instant()));
        generation++;
        current = generate(KEY_ID_PREFIX + generation);
        return current;
    }

    /** What {@code /ims/keys} publishes. */
    public synchronized JWKSet published() {
        List<JWK> keys = new ArrayList<>();
        if (!faults.current().unpublishSigningKey()) {
            keys.add(current);
        }
        keys.addAll(inGrace());
        return new JWKSet(keys);
    }

    /** Every key the sandbox really signs with, published or not: for checking its own access tokens. */
    public synchronized JWKSet verification() {
        List<JWK> keys = new ArrayList<>();
        keys.add(current);
        keys.addAll(inGrace());
        return new JWKSet(keys);
    }

    private List<RSAKey> inGrace() {
        Instant cutoff = clock.instant().minus(gracePeriod);
        retired.removeIf(r -> r.retiredAt().isBefore(cutoff));
        return retired.stream().map(RetiredKey::key).toList();
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("cannot generate an RSA key", ex);
        }
    }
}
