package org.primarypipeline.console.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The REST API's OpenAPI description, served at /v3/api-docs with a browsable page at /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI primaryPipelineApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Primary Pipeline API")
                        .version("0.1.0")
                        .description("The console's actions as JSON. Sign in with HTTP Basic (a console account); "
                                + "each action is allowed to the roles the console allows it to, and refused with 403 "
                                + "otherwise. Changes are sent as application/json. Bad input answers 400, an action "
                                + "that does not fit the cycle's stage 409, an unknown cycle 404. Members' own "
                                + "endpoints (join, proxies, nominate, pledge, ballots) need no account."))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
