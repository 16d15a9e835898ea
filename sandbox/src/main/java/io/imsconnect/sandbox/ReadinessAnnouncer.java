package io.imsconnect.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells a parent process that launched the sandbox (tests, the demo) which port it got: one log line, and the port in
 * {@code sandbox.port-file}, written to a temporary file first and moved, so a reader never sees half a number.
 */
@Component
class ReadinessAnnouncer implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ReadinessAnnouncer.class);

    private final SandboxProperties properties;

    ReadinessAnnouncer(SandboxProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        String port = env.getRequiredProperty("local.server.port");
        if (properties.portFile() != null && !properties.portFile().isBlank()) {
            writePortFile(Path.of(properties.portFile()).toAbsolutePath(), port);
        }
        log.info("Sandbox IMS ready at http://localhost:{}/ims", port);
    }

    private static void writePortFile(Path target, String port) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            Files.writeString(temp, port, StandardCharsets.US_ASCII);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot write the port file " + target, ex);
        }
    }
}
