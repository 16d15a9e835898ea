package io.imsconnect.core.access;

/**
 * How one attempt to gain access through an external account ends: a sign-in, and later an API token or a
 * directory-sync check of the same identity. One enum for every outcome, stored by name.
 */
public enum Outcome {
    ALLOWED,
    REFUSED_NOT_IN_ORGANIZATION,
    REFUSED_NO_MATCHING_GROUP,
    REFUSED_PRODUCT_CONTEXT,
    REFUSED_OPERATOR_DISABLED,
    /** The directory sync suspended the operator on a ground a sign-in cannot see gone (the account's status). */
    REFUSED_OPERATOR_SUSPENDED,
    /** The identity provider answered wrongly or not at all, or the protocol was not followed. */
    FAILED;

    public boolean allowed() {
        return this == ALLOWED;
    }
}
