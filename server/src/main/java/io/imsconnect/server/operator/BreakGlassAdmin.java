package io.imsconnect.server.operator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import io.imsconnect.server.config.ImsConnectProperties;
import io.imsconnect.server.errors.InvalidInputException;
import io.imsconnect.server.group.Rights;

/**
 * Creates the local operator {@value #NAME} at first start, so the instance can be administered while no
 * identity provider is configured or reachable. Its password comes from {@code IMSCONNECT_ADMIN_PASSWORD} or
 * is generated and written to an owner-only file; the log names the file, never the password.
 */
@Component
@Order(2)
class BreakGlassAdmin implements ApplicationRunner {

    static final String NAME = "admin";
    static final String PASSWORD_FILE = "initial-admin-password";

    private static final Logger log = LoggerFactory.getLogger(BreakGlassAdmin.class);

    private final OperatorService operators;
    private final ImsConnectProperties properties;

    BreakGlassAdmin(OperatorService operators, ImsConnectProperties properties) {
        this.operators = operators;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (operators.findByName(NAME).isPresent()) {
            return;
        }
        String configured = properties.admin().password();
        String password = configured == null || configured.isBlank() ? generate() : configured;
        try {
            operators.createLocal(NAME, "Break-glass administrator", password, Set.of(Rights.ADMIN));
        } catch (InvalidInputException | DuplicateKeyException createdByAnotherNode) {
            // Nodes of a cluster starting together: another one created it first; its password stands.
            return;
        }
        if (password != configured) {
            Path file = writeOwnerOnly(properties.dataDir().resolve(PASSWORD_FILE), password);
            log.warn("Created the local operator '{}' with a generated password, written to {} (owner-only). "
                    + "Sign in, then keep it somewhere safe and delete the file.", NAME, file.toAbsolutePath());
        } else {
            log.info("Created the local operator '{}' with the password from IMSCONNECT_ADMIN_PASSWORD", NAME);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Path writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), PASSWORD_FILE, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, content + System.lineSeparator(), StandardCharsets.UTF_8);
            return Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the initial admin password to " + file, e);
        }
    }
}
