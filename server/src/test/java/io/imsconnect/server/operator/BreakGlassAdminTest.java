package io.imsconnect.server.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.InstanceTest;

@InstanceTest
@TestPropertySource(properties = { "imsconnect.admin.password=", "imsconnect.data-dir=target/break-glass-test",
        "logging.level.io.imsconnect=INFO" })
@ExtendWith(OutputCaptureExtension.class)
class BreakGlassAdminTest {

    @LocalServerPort
    int port;

    @Test
    void startWhenNoPasswordConfiguredThenGeneratedIntoAnOwnerOnlyFileThatSignsIn(CapturedOutput output)
            throws Exception {
        Path file = Path.of("target/break-glass-test", BreakGlassAdmin.PASSWORD_FILE);
        String password = Files.readString(file).trim();

        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Api.at(port).as("admin", password).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(output.getAll()).doesNotContain(password);
    }
}
