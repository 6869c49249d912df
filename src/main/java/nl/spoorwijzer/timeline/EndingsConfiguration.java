package nl.spoorwijzer.timeline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rules of the ways a case ends early: an early IVA and the end of the employment contract. */
@Configuration
class EndingsConfiguration {

    @Bean
    EarlyIva earlyIva(EarlyIvaSettings settings) {
        return new EarlyIva(settings);
    }

    @Bean
    ContractEnd contractEnd(ContractEndSettings settings, WorkingDays workingDays) {
        return new ContractEnd(settings, workingDays);
    }
}
