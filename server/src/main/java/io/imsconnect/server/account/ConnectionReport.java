package io.imsconnect.server.account;

import java.util.List;

/**
 * What "Test connection" found, step by step, in the order tried; a failed step ends the test, so later steps
 * are absent.
 */
record ConnectionReport(String account, boolean ok, List<Step> steps) {

    ConnectionReport {
        steps = List.copyOf(steps);
    }

    /**
     * @param name {@code discovery}, {@code jwks}, {@code authorizationEndpoint}, {@code tokenEndpoint} or
     *     {@code clientCredentials}
     * @param detail what happened, in words (never a secret or a token)
     */
    record Step(String name, boolean ok, String detail) {
    }
}
