package nl.spoorwijzer.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The size limit of {@code /api} request bodies ({@code spoorwijzer.api.max-request-body}, default 64 KB), and the
 * larger limits of the uploads features declare ({@link UploadLimit}).
 */
@Configuration
class RefusalConfiguration {

    @Bean
    FilterRegistrationBean<BodySizeLimit> apiBodySizeLimit(
            @Value("${spoorwijzer.api.max-request-body:64KB}") DataSize maxRequestBody,
            ObjectProvider<UploadLimit> uploads) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimit(maxRequestBody,
                uploads.orderedStream().toList()));
        registration.setName("api-body-size-limit");
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
