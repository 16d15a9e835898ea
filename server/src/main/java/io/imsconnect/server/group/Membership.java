package io.imsconnect.server.group;

/** An operator's membership of a group, with its source. */
public record Membership(String group, String groupLabel, MembershipSource source) {
}
