package nl.spoorwijzer.process;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Terms of the spoor 2 trajectory that the law leaves to practice, bound from {@code spoorwijzer.spoor2.*}.
 *
 * @param suitabilityCheckWorkingDays working days the bedrijfsarts gets to check a reported placement
 *                                    (passendheidToetsen): it follows at once, not with the next progress report.
 * @param capacityChangeWorkingDays   working days the executor of spoor 2 gets to process a change of capacity.
 * @param secondmentEndLeadDays       days before a detachering ends on which the task to conclude it appears.
 */
@ConfigurationProperties(prefix = "spoorwijzer.spoor2")
public record Spoor2Settings(
        @DefaultValue("5") int suitabilityCheckWorkingDays,
        @DefaultValue("5") int capacityChangeWorkingDays,
        @DefaultValue("14") int secondmentEndLeadDays) {

    public Spoor2Settings {
        if (suitabilityCheckWorkingDays < 1 || capacityChangeWorkingDays < 1 || secondmentEndLeadDays < 0) {
            throw new IllegalArgumentException("spoorwijzer.spoor2.*: working days must be at least 1 and the lead"
                    + " days must not be negative");
        }
    }
}
