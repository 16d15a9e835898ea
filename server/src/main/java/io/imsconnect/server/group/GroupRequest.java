package io.imsconnect.server.group;

import java.util.List;

/** What an administrator sends to create or change a security group. */
public record GroupRequest(String internalName, String label, List<String> rights) {
}
