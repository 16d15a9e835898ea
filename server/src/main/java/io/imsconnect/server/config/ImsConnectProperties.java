package io.imsconnect.server.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The instance's own settings ({@code imsconnect.*}), bound from properties or environment variables
 * such as {@code IMSCONNECT_ADMIN_PASSWORD}.
 */
@ConfigurationProperties("imsconnect")
public record ImsConnectProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Admin admin,
        @DefaultValue Security security,
        @DefaultValue Login login,
        @DefaultValue Api api) {

    /** The break-glass local operator; its password applies only when the operator is first created. */
    public record Admin(String password) {
    }

    /**
     * Bounds on every call to an identity provider (sign-in, Test connection: the one provider client), so a slow
     * provider cannot hang it: timeouts, and how many calls may wait on one provider host at once (beyond it a
     * call fails at once); how long a discovery document is reused; how often a failed sign-in that never got
     * the provider's tokens is recorded in full per account and reason (the others are counted).
     */
    public record Login(
            @DefaultValue("3s") java.time.Duration connectTimeout,
            @DefaultValue("10s") java.time.Duration readTimeout,
            @DefaultValue("5m") java.time.Duration discoveryCacheTtl,
            @DefaultValue("20") int maxConcurrentCallsPerProvider,
            @DefaultValue("1m") java.time.Duration failureSampleInterval) {
    }

    /**
     * API bearer tokens (issue 10): a checked token's answer is kept, by the SHA-256 of the token, for at most
     * {@code tokenCacheTtl} and never past the token's expiry, so a revoked token or a removed profile takes
     * effect within that time; at most {@code tokenCacheSize} answers are kept. Refusals of tokens that name no
     * one are recorded at most once per account and reason every {@code refusalRecordInterval}.
     */
    public record Api(
            @DefaultValue("5m") java.time.Duration tokenCacheTtl,
            @DefaultValue("10000") int tokenCacheSize,
            @DefaultValue("1m") java.time.Duration refusalRecordInterval) {
    }

    /**
     * Password guessing (docs/decisions/0011): failures before an address, or an account from one address, is
     * held back (then twice as long each time); the delay, with jitter, of every check of an account under
     * guessing from an address it never signed in from, and how many such checks may wait at once. Session
     * lifetimes (docs/decisions/0012): anonymous until sign-in, then signed in.
     */
    public record Security(
            boolean allowInsecureLoopback,
            @DefaultValue("5") int failuresBeforeBackOffPerAccount,
            @DefaultValue("20") int failuresBeforeBackOffPerAddress,
            @DefaultValue("1s") java.time.Duration firstBackOff,
            @DefaultValue("PT15M") java.time.Duration maxBackOff,
            @DefaultValue("1s") java.time.Duration guessDelay,
            @DefaultValue("16") int maxDelayedChecks,
            @DefaultValue("8h") java.time.Duration sessionTimeout) {
    }
}
