package io.imsconnect.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ConfigurableApplicationContext;

import io.imsconnect.sandbox.data.Directory;
import io.imsconnect.sandbox.faults.FaultSwitches;
import io.imsconnect.sandbox.keys.KeyRing;

/**
 * A sandbox IMS started in this JVM, for tests. {@code server.port} defaults to 0 (any free port).
 *
 * <pre>
 * try (SandboxServer ims = SandboxServer.start(Map.of("sandbox.umapi.page-size", 2))) {
 *     URI discovery = URI.create(ims.issuer() + "/.well-known/openid-configuration");
 * }
 * </pre>
 */
public final class SandboxServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private final int port;

    private SandboxServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public static SandboxServer start(Map<String, Object> properties) {
        Objects.requireNonNull(properties, "properties cannot be null");
        // as arguments, so that they win over sandbox.properties (which asks for port 9090)
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", 0);
        all.putAll(properties);
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SandboxServer(SandboxApplication.builder().run(args));
    }

    public int port() {
        return port;
    }

    /** {@code http://localhost:PORT}. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** {@code http://localhost:PORT/ims}, the default issuer. */
    public String issuer() {
        return baseUrl() + "/ims";
    }

    public Directory directory() {
        return context.getBean(Directory.class);
    }

    public FaultSwitches faults() {
        return context.getBean(FaultSwitches.class);
    }

    public KeyRing keys() {
        return context.getBean(KeyRing.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
