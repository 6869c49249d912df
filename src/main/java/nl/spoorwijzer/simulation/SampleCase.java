package nl.spoorwijzer.simulation;

import java.util.List;

/**
 * One invented case the what-if simulation plays through the current and the candidate model (issue 28): who
 * answers how, and what happens to the case besides its tasks. No real case data: the names are invented and the
 * answers are {@link SimulatedAnswers}.
 *
 * @param id        the case's id in the simulation
 * @param title     what the page shows (Dutch)
 * @param lateByDays 0 when every task is done at once; otherwise tasks with a due date are done that many days late
 * @param steps     what happens, in order: play until a sick day, recover, relapse, a VVL decision
 */
public record SampleCase(String id, String title, int lateByDays, List<Step> steps) {

    /** Something that happens on a sick day (day 1 is the first sick day). */
    public record Step(Kind kind, int day) {
    }

    public enum Kind { PLAY_UNTIL, RECOVER, RELAPSE, VVL }

    /** On time, late steps, recovery with a relapse within 4 weeks, spoor 2 and a VVL. */
    public static final List<SampleCase> ALL = List.of(
            new SampleCase("OP-TIJD", "Alles op tijd", 0, List.of(new Step(Kind.PLAY_UNTIL, 330))),
            new SampleCase("TE-LAAT", "Stappen te laat (3 dagen na de termijn)", 3,
                    List.of(new Step(Kind.PLAY_UNTIL, 120))),
            new SampleCase("TERUGVAL", "Herstel op dag 60, terugval na 10 dagen (binnen 4 weken)", 0,
                    List.of(new Step(Kind.PLAY_UNTIL, 60), new Step(Kind.RECOVER, 60),
                            new Step(Kind.PLAY_UNTIL, 70), new Step(Kind.RELAPSE, 70),
                            new Step(Kind.PLAY_UNTIL, 150))),
            new SampleCase("SPOOR-2", "Spoor 2 na de eerstejaarsevaluatie", 0,
                    List.of(new Step(Kind.PLAY_UNTIL, 480))),
            new SampleCase("VVL", "Verlenging loondoorbetaling (VVL, 13 weken)", 0,
                    List.of(new Step(Kind.PLAY_UNTIL, 600), new Step(Kind.VVL, 600),
                            new Step(Kind.PLAY_UNTIL, 700))));
}
