package io.imsconnect.core.access;

/** What the login learned about the user's membership of the configured organization. */
public enum OrgCheck {
    MEMBER,
    NOT_MEMBER,
    /**
     * No organization to check: an {@code oidc} account without an organization configured.
     * Treated like {@link #MEMBER}, since the administrator chose not to restrict by organization.
     */
    NOT_CHECKED
}
