package io.imsconnect.server.testing;

import java.util.UUID;

/** Names no other test uses, so tests sharing one instance and database never meet. */
public final class Names {

    private Names() {
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
