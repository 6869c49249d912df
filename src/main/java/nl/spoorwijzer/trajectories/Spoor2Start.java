package nl.spoorwijzer.trajectories;

/**
 * A start of spoor 2 as {@link Spoor2Starts#start} takes it.
 *
 * @param aanleiding                        why it starts now
 * @param reden                             the reason in functional terms (no diagnosis, symptoms or treatment)
 * @param situatieveArbeidsongeschiktheid   VROEG: return to the own employer hinders recovery (conflict, burn-out);
 *                                          null when not said
 * @param conclusieVan                      VROEG: whose conclusion it is, {@code bedrijfsarts} or
 *                                          {@code arbeidsdeskundige}; else null
 * @param uitvoerder                        {@code bureau} or {@code werkgever}; null: the werkgever chooses in a task
 * @param reintegratiebureau                the bureau's group id when a bureau runs it
 * @param vorigTrajectEindreden             HERSTART: why a running trajectory ends ({@code plaatsingMislukt},
 *                                          {@code loonsanctie}, {@code nieuwTraject})
 * @param ingezetDoor                       who started it (user id), recorded in the dossier
 * @param rol                               in which role
 */
public record Spoor2Start(
        Spoor2Aanleiding aanleiding,
        String reden,
        Boolean situatieveArbeidsongeschiktheid,
        String conclusieVan,
        String uitvoerder,
        String reintegratiebureau,
        String vorigTrajectEindreden,
        String ingezetDoor,
        String rol) {

    public static final String BUREAU = "bureau";
    public static final String WERKGEVER = "werkgever";

    /** A start by the platform or another feature: the werkgever chooses who runs it. */
    public static Spoor2Start of(Spoor2Aanleiding aanleiding, String reden) {
        return new Spoor2Start(aanleiding, reden, null, null, null, null, null, null, null);
    }
}
