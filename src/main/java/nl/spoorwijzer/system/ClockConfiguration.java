package nl.spoorwijzer.system;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${spoorwijzer.zone:Europe/Amsterdam}") ZoneId zone) {
        return new EngineClock(zone);
    }
}
