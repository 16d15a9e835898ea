package io.imsconnect.server.sync;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The directory sync's instance-wide settings ({@code imsconnect.sync.*}): the most a run waits on the directory in
 * total before it fails (Adobe's real waits reach 30–55 minutes, docs/provider-facts.md#umapi-throttling), the
 * back-off after a 5xx or a timeout, and how often due accounts are looked for. How often each account is synced,
 * its safety cap and pre-creation are the account's own fields (see {@code AccountSettings}).
 */
@ConfigurationProperties("imsconnect.sync")
public record SyncProperties(
        @DefaultValue("3h") Duration maxWait,
        @DefaultValue("2s") Duration firstBackOff,
        @DefaultValue("10m") Duration maxBackOff,
        @DefaultValue("5m") Duration scheduleCheck) {
}
