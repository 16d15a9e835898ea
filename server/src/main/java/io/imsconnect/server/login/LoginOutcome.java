package io.imsconnect.server.login;

/** How one sign-in through an external account ended. */
public enum LoginOutcome {
    ALLOWED,
    REFUSED_NOT_IN_ORGANIZATION,
    REFUSED_NO_MATCHING_GROUP,
    REFUSED_PRODUCT_CONTEXT,
    REFUSED_OPERATOR_DISABLED,
    /** The identity provider answered wrongly or not at all, or the protocol was not followed. */
    FAILED;

    public boolean allowed() {
        return this == ALLOWED;
    }
}
