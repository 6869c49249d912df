package nl.spoorwijzer.overview;

import nl.spoorwijzer.casefile.CasePhase;

/** The Dutch names of the phases, as the case screens show them. */
final class PhaseLabels {

    private PhaseLabels() {
    }

    static String of(CasePhase phase) {
        return switch (phase) {
            case ZIEKMELDING -> "Ziekmelding";
            case PROBLEEMANALYSE -> "Probleemanalyse";
            case MONITORING -> "Monitoring";
            case PLAN_VAN_AANPAK -> "Plan van aanpak";
            case SPOOR_1 -> "Spoor 1";
            case EERSTEJAARSEVALUATIE -> "Eerstejaarsevaluatie";
            case SPOOR_2 -> "Spoor 2";
            case EINDFASE -> "Eindfase";
        };
    }
}
