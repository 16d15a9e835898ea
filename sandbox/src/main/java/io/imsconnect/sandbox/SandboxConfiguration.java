package io.imsconnect.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;

import io.imsconnect.sandbox.data.DataGenerator;
import io.imsconnect.sandbox.data.Directory;
import io.imsconnect.sandbox.data.SandboxData;
import io.imsconnect.sandbox.data.SandboxDataLoader;
import io.imsconnect.sandbox.faults.FaultFilter;
import io.imsconnect.sandbox.faults.FaultSwitches;
import io.imsconnect.sandbox.keys.KeyRing;
import io.imsconnect.sandbox.umapi.UmapiCalls;

/**
 * The sandbox's data, fault switches and keys.
 */
@Configuration(proxyBeanMethods = false)
class SandboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    @Bean
    Directory directory(SandboxProperties properties) {
        long started = System.nanoTime();
        SandboxData data = read(properties.data());
        SandboxProperties.Generate generate = properties.generate();
        if (generate.users() > 0) {
            data = data.plus(DataGenerator.generate(generate.orgId(), generate.users(), generate.profiles(),
                    generate.profilePrefix(), generate.emailDomain()));
        }
        Directory directory = new Directory(data);
        log.info("Sandbox data: {} organizations, {} users, {} clients, loaded in {} ms", data.organizations().size(),
                data.users().size(), data.clients().size(), (System.nanoTime() - started) / 1_000_000);
        return directory;
    }

    @Bean
    FaultSwitches faultSwitches(SandboxProperties properties) {
        return new FaultSwitches(properties.faults());
    }

    @Bean
    KeyRing keyRing(FaultSwitches faults, SandboxProperties properties) {
        return new KeyRing(faults, properties.keys().gracePeriod(), Clock.systemUTC());
    }

    /** Ahead of Spring Security, so that "down" and "slow" apply to every IMS and UMAPI endpoint alike. */
    @Bean
    FilterRegistrationBean<FaultFilter> faultFilter(FaultSwitches faults) {
        FilterRegistrationBean<FaultFilter> registration = new FilterRegistrationBean<>(new FaultFilter(faults));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Ahead of the fault filter: a users' page request counts, however it is answered. */
    @Bean
    UmapiCalls umapiCalls() {
        return new UmapiCalls();
    }

    @Bean
    FilterRegistrationBean<UmapiCalls> umapiCallsFilter(UmapiCalls calls) {
        FilterRegistrationBean<UmapiCalls> registration = new FilterRegistrationBean<>(calls);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    private static SandboxData read(String location) {
        try (InputStream in = open(location)) {
            return SandboxDataLoader.load(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read sandbox data " + location, ex);
        }
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            return new ClassPathResource(location.substring("classpath:".length())).getInputStream();
        }
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        return Files.newInputStream(Path.of(path));
    }
}
