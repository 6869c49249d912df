package nl.spoorwijzer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Spring Security is on the class path for bearer tokens (system/TokenLoginConfiguration), which uses its parts
 * directly, and for the OpenID Connect login of the {@code oidc} profile (system/WebLoginConfiguration), which
 * configures its own filter chain; Boot's security auto-configuration would put a login in front of every page in
 * every mode, so it stays out.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientWebSecurityAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration"})
@ConfigurationPropertiesScan
public class SpoorwijzerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SpoorwijzerApplication.class, args);
    }
}
