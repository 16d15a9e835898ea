package io.imsconnect.server.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document's title, version and authentication (HTTP Basic as a local operator). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI imsConnectApi() {
        return new OpenAPI()
                .info(new Info().title("IMS Connect API").version("v1").description(
                        "Operators, security groups, packages, external accounts, association-mask preview, login "
                                + "decisions and audit. Everything but GET /api/v1/version and /api/v1/me needs the "
                                + "right 'admin'. Errors are application/problem+json with an errors list."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
