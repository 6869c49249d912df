package nl.spoorwijzer.system;

import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API ({@code /engine-rest}) with one exception mapper of our own instead of Camunda's five (and
 * without Jersey's Jackson mappers). Registering a second mapper for the same exception type would leave the choice
 * to Jersey's tie-breaking, so Camunda's are not registered at all; the starter backs off from its own config when
 * this bean exists.
 */
@Configuration
class EngineRestConfiguration {

    @Bean
    CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
        return new ProblemDetailsRestConfig();
    }

    static class ProblemDetailsRestConfig extends CamundaJerseyResourceConfig {

        @Override
        protected void registerCamundaRestResources() {
            registerClasses(CamundaRestResources.getResourceClasses());
            registerClasses(withoutExceptionMappers(CamundaRestResources.getConfigurationClasses()));
            register(JacksonFeature.withoutExceptionMappers());
            register(EngineRestExceptionMapper.class);
        }

        static Set<Class<?>> withoutExceptionMappers(Set<Class<?>> classes) {
            return classes.stream().filter(type -> !ExceptionMapper.class.isAssignableFrom(type))
                    .collect(Collectors.toSet());
        }
    }
}
