package io.imsconnect.server.config;

import java.time.Clock;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.StreamReadFeature;

@Configuration(proxyBeanMethods = false)
class SystemConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Refuses a JSON object that names a field twice, on the mapper that reads every request body. Jackson
     * otherwise keeps the last value, so {@code {"rights":[],"rights":["admin"]}} granted {@code admin} to a group
     * that a reviewer, a proxy or a log reading the first value would take for one without rights.
     */
    @Bean
    JsonMapperBuilderCustomizer refuseDuplicateFields() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
