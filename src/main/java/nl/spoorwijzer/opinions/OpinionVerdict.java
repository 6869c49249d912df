package nl.spoorwijzer.opinions;

import java.util.Arrays;
import nl.spoorwijzer.system.RuleViolationException;

/** UWV's conclusion on the question of a deskundigenoordeel; an adverse one asks the werkgever to act. */
public enum OpinionVerdict {
    GESCHIKT(OpinionQuestion.GESCHIKTHEID_EIGEN_WERK, false, "geschikt voor het eigen werk"),
    NIET_GESCHIKT(OpinionQuestion.GESCHIKTHEID_EIGEN_WERK, true, "niet geschikt voor het eigen werk"),
    PASSEND(OpinionQuestion.PASSENDE_ARBEID, false, "de arbeid is passend"),
    NIET_PASSEND(OpinionQuestion.PASSENDE_ARBEID, true, "de arbeid is niet passend"),
    VOLDOENDE(OpinionQuestion.RE_INTEGRATIE_INSPANNINGEN, false, "re-integratie-inspanningen voldoende"),
    ONVOLDOENDE(OpinionQuestion.RE_INTEGRATIE_INSPANNINGEN, true, "re-integratie-inspanningen onvoldoende");

    private final OpinionQuestion question;
    private final boolean adverse;
    private final String label;

    OpinionVerdict(OpinionQuestion question, boolean adverse, String label) {
        this.question = question;
        this.adverse = adverse;
        this.label = label;
    }

    public OpinionQuestion question() {
        return question;
    }

    /** Not geschikt, not passend, onvoldoende: the re-integration must change (and may need spoor 2). */
    public boolean adverse() {
        return adverse;
    }

    /** Dutch, for people. */
    public String label() {
        return label;
    }

    /** The verdict, which must answer the question. */
    static OpinionVerdict parse(String field, String value, OpinionQuestion question) {
        String allowed = question.verdicts().toString();
        if (value == null || value.isBlank()) {
            throw RuleViolationException.invalid(field, "is required: one of " + allowed);
        }
        OpinionVerdict verdict = Arrays.stream(values()).filter(v -> v.name().equals(value.trim())).findFirst()
                .orElse(null);
        if (verdict == null || verdict.question != question) {
            throw RuleViolationException.invalid(field, "must answer question " + question + ": one of " + allowed);
        }
        return verdict;
    }
}
