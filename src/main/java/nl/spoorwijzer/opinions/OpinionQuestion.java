package nl.spoorwijzer.opinions;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.spoorwijzer.system.RuleViolationException;

/**
 * What UWV is asked in a deskundigenoordeel (Wet SUWI art. 32; seed 000): whether the employee can do his own work,
 * whether work is suitable (passende arbeid), or whether the werkgever's re-integration efforts suffice — the last
 * one only until its last day (the timeline's {@code deskundigenoordeel-inspanningen}).
 */
public enum OpinionQuestion {
    GESCHIKTHEID_EIGEN_WERK("Geschiktheid voor het eigen werk", "geschiktheidEigenWerk"),
    PASSENDE_ARBEID("Passende arbeid", "passendeArbeid"),
    RE_INTEGRATIE_INSPANNINGEN("Re-integratie-inspanningen", "planVanAanpak");

    private final String label;
    private final String formValue;

    OpinionQuestion(String label, String formValue) {
        this.label = label;
        this.formValue = formValue;
    }

    /** Dutch, for people. */
    public String label() {
        return label;
    }

    /** The conclusions UWV can reach on this question. */
    public List<OpinionVerdict> verdicts() {
        return Arrays.stream(OpinionVerdict.values()).filter(verdict -> verdict.question() == this).toList();
    }

    /** The question of form {@code deskundigenoordeel-aanvragen}'s option (field deskundigenoordeelOnderwerp). */
    static Optional<OpinionQuestion> ofFormValue(Object value) {
        return Arrays.stream(values()).filter(question -> question.formValue.equals(value)).findFirst();
    }

    static OpinionQuestion parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw RuleViolationException.invalid(field, "is required: one of " + Arrays.toString(values()));
        }
        try {
            return valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw RuleViolationException.invalid(field, "must be one of " + Arrays.toString(values()));
        }
    }
}
