package nl.spoorwijzer.timeline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TimelineConfiguration {

    @Bean
    PoortwachterCalendar poortwachterCalendar(TimelineSettings settings) {
        return new PoortwachterCalendar(settings);
    }
}
