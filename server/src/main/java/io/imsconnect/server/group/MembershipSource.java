package io.imsconnect.server.group;

/**
 * Where a membership comes from. Login and directory sync add and remove only {@code MASK} memberships;
 * {@code MANUAL} ones belong to administrators.
 */
public enum MembershipSource {
    MANUAL, MASK
}
