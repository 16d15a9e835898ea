package io.imsconnect.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Makes the data directory ({@code imsconnect.data-dir}) owner-only before anything writes into it: it holds
 * the embedded database (with the HTTP sessions), the secret key file and the generated admin password.
 * Runs before the database starts, which is why it is an environment post-processor.
 */
public final class DataDirectory implements EnvironmentPostProcessor {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path directory = Path.of(environment.getProperty("imsconnect.data-dir", "./data"));
        try {
            Files.createDirectories(directory);
            if (Files.getFileStore(directory).supportsFileAttributeView("posix")
                    && !Files.getPosixFilePermissions(directory).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(directory, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the data directory " + directory.toAbsolutePath()
                    + " (imsconnect.data-dir): it must be a directory this process can create and own", e);
        }
    }
}
