package nl.spoorwijzer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SpoorwijzerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SpoorwijzerApplication.class, args);
    }
}
