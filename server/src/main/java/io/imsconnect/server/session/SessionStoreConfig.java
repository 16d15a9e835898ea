package io.imsconnect.server.session;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.session.autoconfigure.SessionProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The sessions stay Spring Boot's Spring Session JDBC, configured by its properties (docs/decisions/0006); the
 * repository the session filter and {@link LiveSessions} use is that one behind {@link SparingSessions}, so that a
 * request that changes nothing in its session writes nothing (docs/decisions/0022) and one that looks its session
 * up twice reads it once (docs/decisions/0027).
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfig {

    @Bean
    static BeanPostProcessor sparingSessions() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository jdbc ? SparingSessions.around(jdbc) : bean;
            }
        };
    }

    /** Just outside Spring Session's filter, around each request (an error or async dispatch reads as before). */
    @Bean
    FilterRegistrationBean<SessionReadsFilter> sessionReadsFilter(SessionProperties session) {
        var registration = new FilterRegistrationBean<SessionReadsFilter>(new SessionReadsFilter());
        registration.setOrder(session.getServlet().getFilterOrder() - 1);
        return registration;
    }
}
