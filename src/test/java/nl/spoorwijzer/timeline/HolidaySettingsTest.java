package nl.spoorwijzer.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class HolidaySettingsTest {

    @Test
    void byDefaultNoDayIsAddedByDecree() {
        HolidaySettings bound = binder(Map.of()).bindOrCreate(prefix(), HolidaySettings.class);

        assertThat(bound).isEqualTo(HolidaySettings.defaults());
        assertThat(bound.extra()).isEmpty();
    }

    @Test
    void springBindsACommaSeparatedListOfIsoDates() {
        HolidaySettings bound = binder(Map.of("spoorwijzer.timeline.holidays.extra", "2027-06-14, 2028-02-01"))
                .bindOrCreate(prefix(), HolidaySettings.class);

        assertThat(bound.extra()).containsExactly(LocalDate.of(2027, 6, 14), LocalDate.of(2028, 2, 1));
        assertThat(bound.publicHolidays().isHoliday(LocalDate.of(2027, 6, 14))).isTrue();
    }

    @Test
    void springBindsAnIndexedListAsInYaml() {
        HolidaySettings bound = binder(Map.of(
                "spoorwijzer.timeline.holidays.extra[0]", "2027-06-14",
                "spoorwijzer.timeline.holidays.extra[1]", "2028-02-01"))
                .bindOrCreate(prefix(), HolidaySettings.class);

        assertThat(bound.extra()).isEqualTo(List.of(LocalDate.of(2027, 6, 14), LocalDate.of(2028, 2, 1)));
    }

    private static String prefix() {
        return HolidaySettings.class.getAnnotation(ConfigurationProperties.class).prefix();
    }

    private static Binder binder(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties));
    }
}
