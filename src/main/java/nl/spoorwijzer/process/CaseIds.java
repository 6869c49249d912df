package nl.spoorwijzer.process;

import java.time.LocalDate;
import java.util.UUID;

/** Case ids (the business key of a case's processes): ZV-{year of the first sick day}-{8 random hex digits}. */
public final class CaseIds {

    private CaseIds() {
    }

    public static String newCaseId(LocalDate firstSickDay) {
        return "ZV-" + firstSickDay.getYear() + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
