package nl.spoorwijzer.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TimelineSettingsTest {

    @Test
    void defaultsAreTheRecommendedValuesOfTheDomainReference() {
        TimelineSettings defaults = TimelineSettings.defaults();

        assertThat(defaults.ziekmeldingBedrijfsartsDay()).isEqualTo(7);
        assertThat(defaults.evaluationIntervalDays()).isEqualTo(42);
        assertThat(defaults.deskundigenoordeelWeeksBeforeEnd()).isEqualTo(26);
        assertThat(defaults.wiaApplicationWeeksBeforeEnd()).isEqualTo(11);
        assertThat(defaults.spoor2StartDaysAfterEje()).isEqualTo(42);
        assertThat(defaults.ejeWindowStartDay()).isEqualTo(316);
        assertThat(defaults.ejeDueDay()).isEqualTo(364);
        assertThat(defaults.eindevaluatieDaysBeforeWiaApplication()).isEqualTo(14);
    }

    @Test
    void springBindsTheDefaultsWhenNothingIsConfigured() {
        TimelineSettings bound = binder(Map.of()).bindOrCreate(prefix(), TimelineSettings.class);

        assertThat(bound).isEqualTo(TimelineSettings.defaults());
    }

    @Test
    void springBindsConfiguredValuesAndKeepsDefaultsForTheRest() {
        TimelineSettings bound = binder(Map.of(
                "spoorwijzer.timeline.ziekmelding-bedrijfsarts-day", "4",
                "spoorwijzer.timeline.evaluation-interval-days", "28"))
                .bindOrCreate(prefix(), TimelineSettings.class);

        assertThat(bound).isEqualTo(new TimelineSettings(4, 28, 26, 11, 42, 316, 364, 14));
    }

    @Test
    void nonPositiveValuesAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TimelineSettings(0, 42, 26, 11, 42, 316, 364, 14))
                .withMessageContaining("ziekmeldingBedrijfsartsDay");
        assertThatIllegalArgumentException().isThrownBy(() -> new TimelineSettings(7, -6, 26, 11, 42, 316, 364, 14))
                .withMessageContaining("evaluationIntervalDays");
        assertThatIllegalArgumentException().isThrownBy(() -> new TimelineSettings(7, 42, 0, 11, 42, 316, 364, 14))
                .withMessageContaining("deskundigenoordeelWeeksBeforeEnd");
        assertThatIllegalArgumentException().isThrownBy(() -> new TimelineSettings(7, 42, 26, 0, 42, 316, 364, 14))
                .withMessageContaining("wiaApplicationWeeksBeforeEnd");
        assertThatIllegalArgumentException().isThrownBy(() -> new TimelineSettings(7, 42, 26, 11, 0, 316, 364, 14))
                .withMessageContaining("spoor2StartDaysAfterEje");
        assertThatIllegalArgumentException().isThrownBy(() -> new TimelineSettings(7, 42, 26, 11, 42, 0, 364, 14))
                .withMessageContaining("ejeWindowStartDay");
        assertThatIllegalArgumentException().isThrownBy(() -> new TimelineSettings(7, 42, 26, 11, 42, 316, 0, 14))
                .withMessageContaining("ejeDueDay");
        assertThatIllegalArgumentException().isThrownBy(() -> new TimelineSettings(7, 42, 26, 11, 42, 316, 364, 0))
                .withMessageContaining("eindevaluatieDaysBeforeWiaApplication");
    }

    @Test
    void eerstejaarsevaluatieWindowCannotStartAfterItsDueDay() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TimelineSettings(7, 42, 26, 11, 42, 365, 364, 14))
                .withMessageContaining("ejeWindowStartDay");
        assertThat(new TimelineSettings(7, 42, 26, 11, 42, 364, 364, 14).ejeWindowStartDay()).isEqualTo(364);
    }

    private static String prefix() {
        return TimelineSettings.class.getAnnotation(ConfigurationProperties.class).prefix();
    }

    private static Binder binder(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties));
    }
}
