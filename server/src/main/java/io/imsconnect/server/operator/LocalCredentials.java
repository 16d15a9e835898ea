package io.imsconnect.server.operator;

import java.util.Set;

/** What the local password login needs of an operator. */
public record LocalCredentials(String name, String passwordHash, boolean disabled, Set<String> rights) {

    @Override
    public String toString() {
        return "LocalCredentials[name=" + name + ", disabled=" + disabled + "]";
    }
}
