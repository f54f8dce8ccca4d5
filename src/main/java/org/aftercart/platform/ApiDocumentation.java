package org.aftercart.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and the API-key scheme, so that the UI's Authorize button works. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI aftercartApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Aftercart API")
                        .version("v1")
                        .description("Orders from every sales channel, their changes before packing, and fulfilment."
                                + " Send an API key as 'Authorization: Bearer <key>'. Errors are RFC 9457"
                                + " application/problem+json.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An integration API key, e.g. the demo's ak_demo_aftercart")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
