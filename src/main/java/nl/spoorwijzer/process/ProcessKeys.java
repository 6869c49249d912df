package nl.spoorwijzer.process;

/**
 * The names Java code uses to address the models in {@code processes/}: process keys, message names and task
 * ids. Variable names are in {@link ProcessVariables}. {@code ModelConventionsTest} checks that each one exists in
 * a model, so a rename in Modeler fails a test instead of a case.
 */
public final class ProcessKeys {

    /** The case: ziekmelding to the end of the waiting period. */
    public static final String POORTWACHTER = "poortwachter";
    /** Spoor 2 with a re-integratiebureau, called by the case. */
    public static final String SPOOR_2_TRAJECT = "spoor-2-traject";
    /** The 28 days after a full recovery in which a relapse continues the case. */
    public static final String HERSTELPERIODE = "herstelperiode";

    /** Message names (the {@code name} of {@code bpmn:message}), correlated by the platform's services. */
    public static final class Messages {
        public static final String TERUGVAL = "Terugval";
        public static final String LOONSANCTIE_OPGELEGD = "LoonsanctieOpgelegd";
        public static final String DESKUNDIGENOORDEEL_ONTVANGEN = "DeskundigenoordeelOntvangen";
        public static final String DESKUNDIGENOORDEEL_SPOOR_2_ONTVANGEN = "DeskundigenoordeelSpoor2Ontvangen";
        /** UWV granted an early IVA: the case's re-integration ends (interrupting event subprocess). */
        public static final String VERVROEGDE_IVA_TOEGEKEND = "VervroegdeIvaToegekend";
        /** The contract end date was set or changed: the case plans the end of employment again. */
        public static final String EINDDATUM_CONTRACT_GEWIJZIGD = "EinddatumContractGewijzigd";
        /** The werkgever proposed another deadline (Regeling procesgang art. 5): the werknemer confirms or not. */
        public static final String AFWIJKING_TERMIJN_VOORGESTELD = "AfwijkingTermijnVoorgesteld";
        /** The werkgever took a measure for non-cooperation (BW 7:629 lid 3, 6): its review task starts. */
        public static final String MAATREGEL_MEDEWERKING_GENOMEN = "MaatregelMedewerkingGenomen";
        /** The werknemer cooperates again: the measure (correlated by its local maatregelId) ends with its review. */
        public static final String MEDEWERKING_HERSTELD = "MedewerkingHersteld";
        /** spoor-2-traject: a job application was recorded on the case; the trajectory counts it. */
        public static final String SOLLICITATIE_GEREGISTREERD = "SollicitatieGeregistreerd";
        /** The plan van aanpak must be revised (event subprocess bijstellingNaSpoor2; also after a deskundigenoordeel). */
        public static final String PLAN_BIJSTELLING_NODIG = "PlanBijstellingNodig";
        /** A change of belastbaarheid, organisation or a vacancy: the werkgever assesses spoor 1 again. */
        public static final String SPOOR1_HERBEOORDELEN = "Spoor1Herbeoordelen";
        /** poortwachter: start a spoor 2 trajectory now, whatever the phase (event subprocess spoor2Inzetten). */
        public static final String SPOOR_2_INZETTEN = "Spoor2Inzetten";
        /** spoor-2-traject: a found job or placement was reported; the bedrijfsarts checks it at once. */
        public static final String PLAATSING_GEMELD = "PlaatsingGemeld";
        /** spoor-2-traject: the employee refused an offer as not suitable; the werkgever judges the refusal. */
        public static final String AANBOD_GEWEIGERD = "AanbodGeweigerd";
        /** spoor-2-traject: ends the running trajectory with {@code trajectEindreden} (interrupting). */
        public static final String SPOOR_2_TRAJECT_BEEINDIGEN = "Spoor2TrajectBeeindigen";
        /** spoor-2-traject: capacity changed; the executor of spoor 2 gets a task to process it. */
        public static final String BELASTBAARHEID_GEWIJZIGD = "BelastbaarheidGewijzigd";

        private Messages() {
        }
    }

    /**
     * User task ids the platform refers to: the tasks with a deadline set by the law (checked on every deployment by
     * {@code modelling/LegalTasks}) and the task a missed deadline leads to.
     */
    public static final class Tasks {
        /** The werknemer's answer to a proposed deviation from a deadline (Regeling procesgang art. 5). */
        public static final String AFWIJKING_TERMIJN_BEVESTIGEN = "afwijkingTermijnBevestigen";
        /** The werkgever assesses the spoor 1 options again after a change (seed 000); a "no" is motivated. */
        public static final String SPOOR1_MOGELIJKHEDEN_HERBEOORDELEN = "spoor1MogelijkhedenHerbeoordelen";
        /** The werkgever's reminder of the last day for a deskundigenoordeel on the re-integration efforts. */
        public static final String DESKUNDIGENOORDEEL_INSPANNINGEN_OVERWEGEN = "deskundigenoordeelInspanningenOverwegen";
        /** sick report to the bedrijfsarts (week 1) */
        public static final String ZIEKMELDING_DOORGEVEN = "ziekmeldingDoorgeven";
        /** week 6 */
        public static final String PROBLEEMANALYSE_OPSTELLEN = "probleemanalyseOpstellen";
        /** week 8 */
        public static final String PLAN_VAN_AANPAK_OPSTELLEN = "planVanAanpakOpstellen";
        /** week 8 */
        public static final String PLAN_VAN_AANPAK_BEOORDELEN = "planVanAanpakBeoordelen";
        /** at least every 6 weeks */
        public static final String VOORTGANG_EVALUEREN = "voortgangEvalueren";
        /** week 42 */
        public static final String ZIEKMELDING_UWV_DOEN = "ziekmeldingUwvDoen";
        /** before the eerstejaarsevaluatie */
        public static final String ARBEIDSDESKUNDIG_ONDERZOEK_LATEN_UITVOEREN =
                "arbeidsdeskundigOnderzoekLatenUitvoeren";
        /** before the eerstejaarsevaluatie */
        public static final String ARBEIDSDESKUNDIG_RAPPORT_OPSTELLEN = "arbeidsdeskundigRapportOpstellen";
        /** week 52 */
        public static final String EERSTEJAARSEVALUATIE_HOUDEN = "eerstejaarsevaluatieHouden";
        /** spoor 2 start */
        public static final String REINTEGRATIEBUREAU_INSCHAKELEN = "reintegratiebureauInschakelen";
        public static final String ANDER_BUREAU_KIEZEN = "anderBureauKiezen";
        /** spoor 2 started on another's conclusion: the werkgever chooses a bureau or runs it himself */
        public static final String SPOOR_2_UITVOERDER_KIEZEN = "spoor2UitvoerderKiezen";
        /** an exception to spoor 2 is examined again on the re-examination date */
        public static final String SPOOR_2_OPNIEUW_BEOORDELEN = "spoor2OpnieuwBeoordelen";
        /** before the eindevaluatie */
        public static final String ACTUEEL_OORDEEL_OPSTELLEN = "actueelOordeelOpstellen";
        /** eindfase */
        public static final String EINDEVALUATIE_HOUDEN = "eindevaluatieHouden";
        /** RIV, before the WIA application */
        public static final String VISIE_OP_REINTEGRATIE_GEVEN = "visieOpReintegratieGeven";
        /** RIV */
        public static final String REINTEGRATIEVERSLAG_SAMENSTELLEN = "reintegratieverslagSamenstellen";
        /** week 93 */
        public static final String WIA_AANVRAAG_INDIENEN = "wiaAanvraagIndienen";
        /** spoor-2-traject: at least every 6 weeks */
        public static final String VOORTGANGSRAPPORTAGE_OPSTELLEN = "voortgangsrapportageOpstellen";
        /** spoor-2-traject: end of the waiting period */
        public static final String EINDRAPPORTAGE_BIJ_EINDE_WACHTTIJD = "eindrapportageBijEindeWachttijd";
        /** ziek uit dienst: by the last working day of the contract (Ziektewet art. 38 lid 2) */
        public static final String ZIEK_UIT_DIENSTMELDING_DOEN = "ziekUitDienstmeldingDoen";
        /** The werkgever's review of a measure for non-cooperation, on the review day he chose. */
        public static final String MAATREGEL_HERBEOORDELEN = "maatregelHerbeoordelen";
        /** Created for the werkgever when a legal deadline passes (event subprocess {@code termijnBewaking}). */
        public static final String TERMIJN_OVERSCHREDEN_AFHANDELEN = "termijnOverschredenAfhandelen";

        private Tasks() {
        }
    }

    /**
     * Other elements of {@code poortwachter} the platform addresses by id: where an imported running case starts
     * ({@code process/RunningCaseImport}) — the timers that open a branch later, the activities a branch resumes at,
     * and the flows into the join of the final phase.
     */
    public static final class Elements {
        /** spoor1: the timer before each periodic evaluation of the plan van aanpak */
        public static final String EVALUATIEMOMENT_BEREIKT = "evaluatiemomentBereikt";
        /** the timer that opens the 42e-weeksmelding branch */
        public static final String UWV_MELDING_VOORBEREIDEN = "uwvMeldingVoorbereiden";
        /** the timer that opens the eerstejaarsevaluatie and spoor 2 branch (week 46) */
        public static final String EJE_VENSTER_GEOPEND = "ejeVensterGeopend";
        /** eerstejaarsevaluatieEnSpoor2: the DMN decision on spoor 2 after the eerstejaarsevaluatie */
        public static final String SPOOR_2_BESLUITEN = "spoor2Besluiten";
        /** event subprocess "Spoor 2 inzetten": records a start of spoor 2 (early, restart, …) in the dossier */
        public static final String SPOOR_2_START_VASTLEGGEN = "spoor2StartVastleggen";
        /** eerstejaarsevaluatieEnSpoor2: records the start of spoor 2 after the eerstejaarsevaluatie */
        public static final String EJE_SPOOR_2_START_VASTLEGGEN = "ejeSpoor2StartVastleggen";
        /** the timer that opens the final phase (week 88) */
        public static final String EINDFASE_BEREIKT = "eindfaseBereikt";
        /** the final phase subprocess */
        public static final String EINDFASE = "eindfase";
        /** eindfase: the actueel oordeel is ready (flow into the join) */
        public static final String ACTUEEL_OORDEEL_GEREED = "actueelOordeelOpstellenNaarEindevaluatieGereed";
        /** eindfase: the eindevaluatie and the employee's view on it are ready (flow into the join) */
        public static final String EINDEVALUATIE_GEREED = "eindevaluatieVisieGevenNaarEindevaluatieGereed";
        /** eindfase: waits until the parts are given or their deadline passed, then starts the application */
        public static final String ONDERDELEN_AFWACHTEN = "onderdelenAfwachten";
        /** eindfase: starts the employee's view, the re-integratieverslag and the WIA application side by side */
        public static final String AANVRAAG_STARTEN = "aanvraagStarten";

        private Elements() {
        }
    }

    private ProcessKeys() {
    }
}
