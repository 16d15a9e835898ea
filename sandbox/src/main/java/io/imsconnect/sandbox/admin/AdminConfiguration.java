package io.imsconnect.sandbox.admin;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

    /** First of all filters: a refused caller learns nothing else about the sandbox. */
    @Bean
    FilterRegistrationBean<LoopbackOnlyFilter> loopbackOnlyFilter() {
        FilterRegistrationBean<LoopbackOnlyFilter> registration = new FilterRegistrationBean<>(new LoopbackOnlyFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
