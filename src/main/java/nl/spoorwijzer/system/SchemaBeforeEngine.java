package nl.spoorwijzer.system;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Liquibase must create or upgrade the schema before the process engine starts: with {@code schema-update: false}
 * (the postgres profile) the engine otherwise finds no tables (ENGINE-03057), and the case read model must exist
 * before the first delegate writes to it. Spring does not order the two beans by itself.
 */
@Configuration(proxyBeanMethods = false)
class SchemaBeforeEngine {

    static final String ENGINE_BEAN = "processEngineFactoryBean";
    static final String LIQUIBASE_BEAN = "liquibase";

    @Bean
    static BeanFactoryPostProcessor liquibaseBeforeProcessEngine() {
        return beanFactory -> dependOn(beanFactory, ENGINE_BEAN, LIQUIBASE_BEAN);
    }

    private static void dependOn(ConfigurableListableBeanFactory beanFactory, String bean, String dependency) {
        if (!beanFactory.containsBeanDefinition(bean) || !beanFactory.containsBeanDefinition(dependency)) {
            return;
        }
        BeanDefinition definition = beanFactory.getBeanDefinition(bean);
        String[] existing = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
        String[] dependsOn = java.util.Arrays.copyOf(existing, existing.length + 1);
        dependsOn[existing.length] = dependency;
        definition.setDependsOn(dependsOn);
    }
}
