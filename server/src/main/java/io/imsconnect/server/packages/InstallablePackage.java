package io.imsconnect.server.packages;

/**
 * A capability that an administrator turns on by installing it. {@link #install()} runs inside the install
 * transaction and must be idempotent: installing twice changes nothing the second time.
 */
public interface InstallablePackage {

    String name();

    String label();

    String version();

    void install();
}
