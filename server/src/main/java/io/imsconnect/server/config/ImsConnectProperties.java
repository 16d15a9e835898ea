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
     * provider cannot hang it; how long a discovery document is reused.
     */
    public record Login(
            @DefaultValue("3s") java.time.Duration connectTimeout,
            @DefaultValue("10s") java.time.Duration readTimeout,
            @DefaultValue("5m") java.time.Duration discoveryCacheTtl) {
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

    public record Security(
            boolean allowInsecureLoopback,
            @DefaultValue("5") int failuresBeforeBackOffPerAccount,
            @DefaultValue("20") int failuresBeforeBackOffPerAddress,
            @DefaultValue("1s") java.time.Duration firstBackOff,
            @DefaultValue("PT15M") java.time.Duration maxBackOff) {
    }
}
