package io.imsconnect.sandbox;

import java.util.Map;

/**
 * One sandbox for the whole test run (the machine is small): demo data, UMAPI pages of 2, no throttling.
 * Tests that switch faults or change memberships put them back afterwards.
 */
final class TestSandbox {

    static final String ACME = "A495E53C0123456789ABCDEF@AdobeOrg";

    static final String GLOBEX = "6B0F4B9A5E8C2D1A3F7E9C04@AdobeOrg";

    static final String ALICE = "1A2B3C4D5E6F7A8B9C0D1E2F@AdobeID";

    static final String BOB = "2B3C4D5E6F7A8B9C0D1E2F3A@AdobeID";

    static final String WEB_CLIENT = "imsconnect-demo";

    static final String WEB_SECRET = "demo-secret";

    static final String DIRECTORY_CLIENT = "imsconnect-directory";

    static final String DIRECTORY_SECRET = "directory-secret";

    private static SandboxServer shared;

    private TestSandbox() {
    }

    static synchronized SandboxServer shared() {
        if (shared == null) {
            shared = SandboxServer.start(Map.of("sandbox.umapi.page-size", 2, "sandbox.umapi.requests-per-minute", 0));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }
}
