package nl.spoorwijzer.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a case's history stays after the case ended: Camunda's history (every step, variable and decision) is
 * removed by the night-time history cleanup this many days after the process ended. The Autoriteit Persoonsgegevens'
 * retention guidance for absence data is not captured in the domain reference [VERIFY]: the default of 2 years
 * (730 days) keeps the file through UWV's WIA assessment and any objection, and can be set per installation.
 *
 * @param historyDays   days after the end of a case (and of its called processes and decisions) that its history
 *                      is kept; applied at start-up to every deployed Spoorwijzer model
 * @param accessLogDays days a record of who read or changed a case is kept (the case access log)
 */
@ConfigurationProperties("spoorwijzer.retention")
public record RetentionSettings(@DefaultValue("730") int historyDays, @DefaultValue("730") int accessLogDays) {

    public RetentionSettings {
        if (historyDays < 1) {
            throw new IllegalArgumentException("spoorwijzer.retention.history-days must be at least 1, got "
                    + historyDays);
        }
        if (accessLogDays < 1) {
            throw new IllegalArgumentException("spoorwijzer.retention.access-log-days must be at least 1, got "
                    + accessLogDays);
        }
    }
}
