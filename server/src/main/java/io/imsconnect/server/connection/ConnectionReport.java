package io.imsconnect.server.connection;

import java.util.List;

/**
 * What "Test connection" found, step by step, in the order tried; a failed step ends the test, so later steps
 * are absent.
 */
public record ConnectionReport(String account, boolean ok, List<Step> steps) {

    public ConnectionReport {
        steps = List.copyOf(steps);
    }

    /**
     * @param name {@code discovery}, {@code jwks}, {@code authorizationEndpoint}, {@code tokenEndpoint} or
     *     {@code clientCredentials}
     * @param detail what happened, in words (never a secret or a token)
     */
    public record Step(String name, boolean ok, String detail) {
    }
}
