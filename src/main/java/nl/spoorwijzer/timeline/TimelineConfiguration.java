package nl.spoorwijzer.timeline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TimelineConfiguration {

    @Bean
    WorkingDays workingDays(HolidaySettings holidays) {
        return new WorkingDays(holidays.publicHolidays());
    }

    @Bean
    PoortwachterCalendar poortwachterCalendar(TimelineSettings settings, WorkingDays workingDays) {
        return new PoortwachterCalendar(settings, workingDays);
    }

    @Bean
    OwnWorkCadence ownWorkCadence(TimelineSettings settings, OwnWorkSettings ownWork) {
        return new OwnWorkCadence(settings, ownWork);
    }
}
