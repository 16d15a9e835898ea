package io.imsconnect.sandbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.imsconnect.sandbox.data.DataGenerator;
import io.imsconnect.sandbox.faults.Faults;

/**
 * The sandbox's settings, all under {@code sandbox.} (listed in {@code sandbox/README.md}).
 *
 * @param data the YAML data file: a file path, {@code file:…} or {@code classpath:…}
 * @param portFile when set, the bound port is written there once the server is ready
 * @param issuer overrides the {@code iss} of tokens and discovery; by default it is the request's
 *        {@code http://host:port/ims}
 */
@ConfigurationProperties("sandbox")
public record SandboxProperties(@DefaultValue("classpath:sandbox-demo.yml") String data, String portFile, String issuer,
        @DefaultValue Umapi umapi, @DefaultValue Generate generate, @DefaultValue Keys keys,
        @DefaultValue Faults faults) {

    /**
     * @param pageSize users or groups per UMAPI page (UMAPI: 2000)
     * @param requestsPerMinute UMAPI calls a client may make in any minute; 0 turns throttling off (UMAPI: about 25)
     */
    public record Umapi(@DefaultValue("2000") int pageSize, @DefaultValue("25") int requestsPerMinute) {

        public Umapi {
            if (pageSize < 1) {
                throw new IllegalArgumentException("sandbox.umapi.page-size must be at least 1");
            }
        }
    }

    /**
     * @param users how many users to generate (0: none)
     * @param profiles how many product profiles to generate
     * @param orgId the generated organization's ID
     * @param profilePrefix the start of each generated profile name
     * @param emailDomain the domain of each generated user's e-mail
     */
    public record Generate(@DefaultValue("0") int users, @DefaultValue("50") int profiles,
            @DefaultValue(DataGenerator.DEFAULT_ORG_ID) String orgId,
            @DefaultValue(DataGenerator.DEFAULT_PROFILE_PREFIX) String profilePrefix,
            @DefaultValue(DataGenerator.DEFAULT_EMAIL_DOMAIN) String emailDomain) {
    }

    /**
     * @param gracePeriod how long a rotated-out key stays published
     */
    public record Keys(@DefaultValue("1h") Duration gracePeriod) {
    }
}
