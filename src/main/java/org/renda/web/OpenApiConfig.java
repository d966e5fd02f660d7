package org.renda.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the JSON API at /v3/api-docs (Swagger UI at /swagger-ui.html). */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI rendaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Renda 人大工作平台 API").version("v1")
                        .description("JSON API beside the pages. Authenticate with a personal token: "
                                + "Authorization: Bearer rnd_… (issued on the account page). Errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
    }
}
