package io.imsconnect.core;

import java.util.regex.Pattern;

/**
 * The syntax of an internal name, shared by security groups and external accounts: letters, digits and
 * {@code _}, starting with a letter, at most {@value #MAX_LENGTH} characters. Campaign's own names
 * ({@code workflowSupervisor}, {@code Adobe_Marketing_Cloud}) all fit.
 */
public final class InternalNames {

    public static final int MAX_LENGTH = 64;

    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private InternalNames() {
    }

    /** Whether {@code name} is a valid internal name, length included. */
    public static boolean isValid(String name) {
        return name != null && name.length() <= MAX_LENGTH && SYNTAX.matcher(name).matches();
    }
}
