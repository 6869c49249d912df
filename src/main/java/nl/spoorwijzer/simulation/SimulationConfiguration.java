package nl.spoorwijzer.simulation;

import nl.spoorwijzer.system.UploadLimit;
import nl.spoorwijzer.system.Violation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The body limit of a simulation's upload: at most 100 model files of 1 MB each; 8 MB together. */
@Configuration
class SimulationConfiguration {

    @Bean
    UploadLimit simulationUploadLimit() {
        return new UploadLimit("POST", "/api/simulations", DataSize.ofMegabytes(8),
                new Violation("files", "de modelbestanden zijn samen ten hoogste 8 MB"));
    }
}
