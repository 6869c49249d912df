package nl.spoorwijzer.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of {@code /api} (Swagger UI at {@code /swagger-ui.html}): titled and versioned, with the API's
 * login (HTTP Basic) declared, so Swagger UI shows an Authorize button and sends the credentials with every try-out.
 */
@Configuration
class ApiDocumentation {

    static final String LOGIN = "basic";

    @Bean
    OpenAPI spoorwijzerApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties == null ? "development" : properties.getVersion();
        return new OpenAPI()
                .info(new Info().title("Spoorwijzer API").version(version)
                        .description("Cases of the Wet verbetering poortwachter: sick reports and imports, recovery,"
                                + " UWV decisions, agreed deviations, contract end, timeline, dossier and"
                                + " re-integratieverslag. Every refusal is an RFC 9457 problem detail with the field"
                                + " and the rule.")
                        .license(new License().name("Open source")))
                .components(new Components().addSecuritySchemes(LOGIN, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("The same user name and password as Tasklist")))
                .addSecurityItem(new SecurityRequirement().addList(LOGIN));
    }
}
