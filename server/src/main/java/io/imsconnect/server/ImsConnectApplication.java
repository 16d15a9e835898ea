package io.imsconnect.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ImsConnectApplication {

    public static void main(String[] args) {
        SpringApplication.run(ImsConnectApplication.class, args);
    }
}
