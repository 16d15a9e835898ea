package io.imsconnect.sandbox;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The sandbox IMS as a program: {@code java -jar imsconnect-sandbox-…-exec.jar [--server.port=…] [--sandbox.data=…]}.
 */
@SpringBootApplication
@EnableConfigurationProperties(SandboxProperties.class)
public class SandboxApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * Its own config name keeps it clear of the server module's {@code application.properties} when both are on one
     * class path.
     */
    static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SandboxApplication.class).properties("spring.config.name=sandbox");
    }
}
