package io.imsconnect.core.access;

/**
 * Why the directory sync suspended an operator. A suspension is not an administrator's "disabled": a later run
 * lifts it, and so does a sign-in that can itself see the ground gone. A sign-in sees the organization and the
 * profiles, not the directory's account status, so only the first two are lifted by an allowed sign-in.
 */
public enum Suspension {
    /** The user is no longer listed in the organization's directory. */
    LEFT_ORGANIZATION(true),
    /** The directory lists the user with a status other than {@code active} (disabled, locked, removed). */
    NOT_ACTIVE(false),
    /** The user holds no product profile that the mask maps onto an existing group. */
    NO_MAPPED_PROFILE(true);

    private final boolean checkedAtSignIn;

    Suspension(boolean checkedAtSignIn) {
        this.checkedAtSignIn = checkedAtSignIn;
    }

    /** Whether an allowed sign-in proves the ground gone, and so lifts the suspension. */
    public boolean checkedAtSignIn() {
        return checkedAtSignIn;
    }
}
