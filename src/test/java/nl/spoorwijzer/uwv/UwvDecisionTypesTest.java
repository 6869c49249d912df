package nl.spoorwijzer.uwv;

import static org.assertj.core.api.Assertions.assertThat;

import nl.spoorwijzer.process.TimelineChange;
import org.junit.jupiter.api.Test;

/** The dossier names a UWV decision that moves the timeline as the API does. */
class UwvDecisionTypesTest {

    @Test
    void timelineChangesUseTheDecisionTypesNames() {
        assertThat(TimelineChange.SanctionImposed.TYPE).isEqualTo(UwvDecisionType.LOONSANCTIE.name());
        assertThat(TimelineChange.SanctionShortened.TYPE).isEqualTo(UwvDecisionType.BEKORTING.name());
        assertThat(TimelineChange.VvlGranted.TYPE).isEqualTo(UwvDecisionType.VVL.name());
    }
}
