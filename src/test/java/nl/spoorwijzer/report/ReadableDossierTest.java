package nl.spoorwijzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadableDossierTest {

    @Test
    void aKeyThePlatformRecordedReadsAsWords() {
        assertThat(ReadableDossier.inWords("eindeWachttijd")).isEqualTo("Einde wachttijd");
        assertThat(ReadableDossier.inWords("type")).isEqualTo("Type");
        assertThat(ReadableDossier.inWords("uwvBeslissing2Datum")).isEqualTo("Uwv beslissing2 datum");
    }

    @Test
    void datesInASubjectAreDutch() {
        assertThat(ReadableDossier.dutchDates("Volledig hersteld op 2026-12-04; gesloten op 2027-01-01"))
                .isEqualTo("Volledig hersteld op 04-12-2026; gesloten op 01-01-2027");
        assertThat(ReadableDossier.dutchDates("zaak ZV-2026-3CFC1174")).isEqualTo("zaak ZV-2026-3CFC1174");
    }
}
