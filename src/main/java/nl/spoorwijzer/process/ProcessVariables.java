package nl.spoorwijzer.process;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import nl.spoorwijzer.timeline.MilestoneKey;

/** Names of the process variables that the models, forms and Java code share. */
public final class ProcessVariables {

    /**
     * The longest string a variable can hold: Camunda stores strings in a 4,000-character column
     * ({@code ACT_RU_VARIABLE.TEXT_}, {@code ACT_HI_VARINST.TEXT_}) on H2 and PostgreSQL.
     */
    public static final int MAX_TEXT_LENGTH = 4000;

    public static final String WERKNEMER_ID = "werknemerId";
    /** The re-integratiebedrijf (its organisation group id) the employer chose at the referral. */
    public static final String REINTEGRATIEBUREAU = "reintegratiebureau";
    /** The re-integratiebedrijven that serve the employer, as the options of the referral's select (task-local). */
    public static final String BESCHIKBARE_BUREAUS = "beschikbareBureaus";
    public static final String WERKGEVER_ID = "werkgeverId";
    public static final String EERSTE_ZIEKTEDAG = "eersteZiektedag";
    /** Actual date of the probleemanalyse (ISO), known once the bedrijfsarts completed it. */
    public static final String PROBLEEMANALYSE_DATUM = "probleemanalyseDatum";
    /** Actual date of the eerstejaarsevaluatie (ISO). */
    public static final String EERSTEJAARSEVALUATIE_DATUM = "eerstejaarsevaluatieDatum";
    /** True when threatening long-term absence became clear only after the monitoring period. */
    public static final String PROBLEEMANALYSE_LATER_NODIG = "probleemanalyseLaterNodig";
    /** The day the bedrijfsarts concluded after week 6 that a probleemanalyse is needed after all (ISO date). */
    public static final String PROBLEEMANALYSE_LATER_GEVRAAGD = "probleemanalyseLaterGevraagd";
    /** Deadlines werkgever and werknemer agreed to deviate to (Regeling procesgang art. 5), ISO dates. */
    public static final String PROBLEEMANALYSE_AFGESPROKEN_TERMIJN = "probleemanalyseAfgesprokenTermijn";
    public static final String PLAN_VAN_AANPAK_AFGESPROKEN_TERMIJN = "planVanAanpakAfgesprokenTermijn";
    /** A deviation the werkgever proposed and the werknemer has yet to confirm (art. 5): step key, its name, ... */
    public static final String AFWIJKING_STAP = "afwijkingStap";
    public static final String AFWIJKING_STAP_NAAM = "afwijkingStapNaam";
    /** ... the proposed deadline and the day agreed (ISO dates), the werkgever's reason ... */
    public static final String AFWIJKING_NIEUWE_TERMIJN = "afwijkingNieuweTermijn";
    public static final String AFWIJKING_AFGESPROKEN_OP = "afwijkingAfgesprokenOp";
    public static final String AFWIJKING_REDEN = "afwijkingReden";
    /** ... and the end of the current deadline, by which the werknemer answers. */
    public static final String AFWIJKING_BEVESTIGEN_UITERLIJK = "afwijkingBevestigenUiterlijk";
    /** The werknemer's answer ("ja"/"nee") and optional comment in the confirmation task. */
    public static final String AFWIJKING_AKKOORD = "afwijkingAkkoord";
    public static final String AFWIJKING_TOELICHTING_WERKNEMER = "afwijkingToelichtingWerknemer";
    /** The periodic interval (ISO-8601 duration) of evaluations and bedrijfsarts consults. */
    public static final String EVALUATION_INTERVAL = "evaluationInterval";
    public static final String NEXT_EVALUATION_START = "nextEvaluationStart";
    public static final String NEXT_EVALUATION_DUE = "nextEvaluationDue";
    public static final String ZIEKMELDING_UWV_TASK_START = "ziekmeldingUwvTaskStart";
    /** When the werkgever's reminder of the last day for a deskundigenoordeel on the efforts appears. */
    public static final String DESKUNDIGENOORDEEL_TASK_START = "deskundigenoordeelInspanningenTaskStart";
    /** Set when the actueel oordeel and the eindevaluatie (with the employee's view) are all given. */
    public static final String EINDFASE_ONDERDELEN_GEREED = "eindfaseOnderdelenGereed";
    public static final String EERSTEJAARSEVALUATIE_WINDOW_START = "eerstejaarsevaluatieWindowStart";
    /** Start of the final phase (week 88): actueel oordeel, eindevaluatie, RIV and WIA application. */
    public static final String EINDFASE_START = "eindfaseStart";
    /** The end of the waiting period as an ISO date, for DMN rules (FEEL date arithmetic). */
    public static final String EINDE_WACHTTIJD_DATUM = "eindeWachttijdDatum";
    /** When the bureau's end report is due to be written: the lead days before the end of the waiting period. */
    public static final String SPOOR_2_EINDRAPPORTAGE_START = "spoor2EindrapportageStart";
    public static final String GEMISTE_TAAK = "gemisteTaak";
    /** The legal deadline the missed task had (the end of its due day): the due date of the escalation task. */
    public static final String GEMISTE_TERMIJN = "gemisteTermijn";
    public static final String HERSTEL_DATUM = "herstelDatum";
    public static final String AFSLUITREDEN = "afsluitreden";
    /**
     * Recovery gaps of fewer than 28 days that are added up into this case (BW 7:629 lid 10), as ISO date ranges of
     * healthy days: {@code 2025-03-01/2025-03-14,2025-06-02/2025-06-05}.
     */
    public static final String HERSTELPERIODES = "herstelperiodes";
    /** Vrijwillige verlenging loondoorbetaling granted by UWV, in weeks (WIA art. 24). */
    public static final String VVL_WEKEN = "vvlWeken";
    /** Loonsanctie imposed by UWV, in weeks (WIA art. 25 lid 9). */
    public static final String LOONSANCTIE_WEKEN = "loonsanctieWeken";
    /** The last day of a loonsanctie that UWV shortened (bekorting: 6 weeks after granting it), ISO date. */
    public static final String LOONSANCTIE_EINDE = "loonsanctieEinde";
    /** The shortcomings UWV named in a loonsanctie, as a JSON array of texts; each becomes a repair task. */
    public static final String TEKORTKOMINGEN = "tekortkomingen";
    /** The first day on which a recovered employee counts as recovered for good (recovery date + 28 days). */
    public static final String HERSTELPERIODE_EINDE = "herstelperiodeEinde";
    /**
     * The first day on which a late sick report can no longer reopen a recovered case: the end of the herstelperiode
     * plus {@code spoorwijzer.recovery.late-relapse-report-days}; then the paused case process ends.
     */
    public static final String LATE_ZIEKMELDING_EINDE = "lateZiekmeldingEinde";
    /**
     * What kind of return started a herstelperiode, and so the reason the case closes with after 28 days:
     * {@code hersteld} (full recovery) or {@code structureelHervat} (structural return to own or adapted work).
     */
    public static final String HERSTEL_SOORT = "herstelSoort";
    /** The date of a structural return to own or adapted work, entered at the evaluation that records it. */
    public static final String HERVAT_OP = "hervatOp";
    /** The process instance of the case a recovery period belongs to. */
    public static final String ZAAK_PROCESS_INSTANCE_ID = "zaakProcessInstanceId";
    /** The first sick day of a relapse within the recovery period. */
    public static final String TERUGVAL_DATUM = "terugvalDatum";
    /** Partial recovery percentage (deelherstel); the 104-week clock keeps running. */
    public static final String DEELHERSTEL_PERCENTAGE = "deelherstelPercentage";

    /** Job applications the employee registered in spoor 2: the count, the last date, and the count since the
     * bureau's last progress report. */
    public static final String AANTAL_SOLLICITATIES = "aantalSollicitaties";
    public static final String LAATSTE_SOLLICITATIE = "laatsteSollicitatie";
    public static final String SOLLICITATIES_SINDS_VORIGE_RAPPORTAGE = "sollicitatiesSindsVorigeRapportage";
    /** When the bureau's next progress report is due, and when its task appears (spoor-2-traject). */
    public static final String NEXT_REPORT_START = "nextReportStart";
    public static final String NEXT_REPORT_DUE = "nextReportDue";
    /** The RIV's completeness as text, a local variable of the task that compiles the re-integratieverslag. */
    public static final String RIV_VOLLEDIGHEID = "rivVolledigheid";

    /**
     * Whose case a task belongs to, as task-local variables of every task of a case ({@code TaskCaseLabels}), for
     * Tasklist's list columns and the header of each task form: the case id, the employee's and the employer's
     * names, and the week of sickness (kept current by a nightly refresh). Not kept in the history.
     */
    public static final String ZAAK_ID = "zaakId";
    public static final String WERKNEMER_NAAM = "werknemerNaam";
    public static final String WERKGEVER_NAAM = "werkgeverNaam";
    public static final String ZIEKTEWEEK = "ziekteweek";
    private static final Set<String> TASK_LABELS = Set.of(ZAAK_ID, WERKNEMER_NAAM, WERKGEVER_NAAM, ZIEKTEWEEK);

    /**
     * The legal steps whose missed deadline the import of a running case recorded (task ids, comma-separated): their
     * tasks get no second "Termijn verstreken" watch for that deadline ({@code ImportedMissWatch}).
     */
    public static final String GEMIST_VOOR_IMPORT = "gemistVoorImport";
    /** The day a running case was imported with the steps already taken elsewhere (ISO date). */
    public static final String IMPORT_DATUM = "importDatum";
    /** The date of a UWV deskundigenoordeel, set when the platform records UWV's decision. */
    public static final String DESKUNDIGENOORDEEL_DATUM = "deskundigenoordeelDatum";
    /** Whether a relapse falls within 4 weeks of the recovery (BW 7:629 lid 10), set by the recovery service. */
    public static final String TERUGVAL_BINNEN_VIER_WEKEN = "terugvalBinnenVierWeken";

    /** The last day of the employment contract (ISO date), from the sick report or changed later; absent: none. */
    public static final String CONTRACT_EINDDATUM = "contractEinddatum";
    /** Whether the contract has an end date; the model plans the end of employment when it has. */
    public static final String CONTRACT_EINDE_BEKEND = "contractEindeBekend";
    /** The contract ends after 10 weeks of sickness or more: the full verslag with an eindevaluatie is due by then. */
    public static final String EINDEVALUATIE_BIJ_UITDIENST = "eindevaluatieBijUitdienst";
    /** The instant the contract's last day ends: the employer's duties end, the case closes as ziek uit dienst. */
    public static final String CONTRACT_EINDE = "contractEinde";
    /** The ziek-uit-dienstmelding's due instant (end of the last working day) and when its task appears. */
    public static final String ZIEK_UIT_DIENSTMELDING_DUE = "ziekUitDienstmeldingDue";
    public static final String ZIEK_UIT_DIENSTMELDING_TASK_START = "ziekUitDienstmeldingTaskStart";
    /** The date the werkgever made the ziek-uit-dienstmelding (its task's form). */
    public static final String ZIEK_UIT_DIENSTMELDING_DATUM = "ziekUitDienstmeldingDatum";
    /** UWV's decision on the one early IVA application of the case: {@code toegekend} or {@code afgewezen}. */
    public static final String VERVROEGDE_IVA_BESLUIT = "vervroegdeIvaBesluit";
    /** The value of {@link #VERVROEGDE_IVA_BESLUIT} once UWV granted the early IVA. */
    public static final String VERVROEGDE_IVA_TOEGEKEND = "toegekend";
    /** The instant the shortened waiting period of a granted early IVA ends (end of UWV's last day). */
    public static final String EINDE_VERKORTE_WACHTTIJD = "eindeVerkorteWachttijd";
    /** Whether that shortened waiting period had already ended when UWV's grant was recorded. */
    public static final String VERKORTE_WACHTTIJD_VOORBIJ = "verkorteWachttijdVoorbij";

    // --- issue 26 (cooperation, ends): non-cooperation measures and the vaststellingsovereenkomst ---
    /**
     * Why the employment ends, the case's {@link EndReason} key once the contract's last day passes:
     * {@code vaststellingsovereenkomst} after a termination agreement, otherwise (absent) {@code ziekUitDienst}.
     */
    public static final String EINDE_DIENSTVERBAND_REDEN = "eindeDienstverbandReden";
    /** The day both parties signed the vaststellingsovereenkomst (ISO date). */
    public static final String VSO_ONDERTEKEND_OP = "vsoOndertekendOp";
    /** A non-cooperation measure (local to its review's event subprocess): its id, kind, ground and start. */
    public static final String MAATREGEL_ID = "maatregelId";
    public static final String MAATREGEL_SOORT = "maatregelSoort";
    public static final String MAATREGEL_SOORT_NAAM = "maatregelSoortNaam";
    public static final String MAATREGEL_GROND = "maatregelGrond";
    public static final String MAATREGEL_INGANGSDATUM = "maatregelIngangsdatum";
    /** The instant the measure's review is due (end of the review day); its review task's due date. */
    public static final String MAATREGEL_HERBEOORDELEN_OP = "maatregelHerbeoordelenOp";
    /** The review task's answers: handhaven or beeindigen, the next review day, the day he cooperates again. */
    public static final String MAATREGEL_UITKOMST = "maatregelUitkomst";
    public static final String MAATREGEL_VOLGENDE_HERBEOORDELING = "maatregelVolgendeHerbeoordeling";
    public static final String MEDEWERKING_HERSTELD_OP = "medewerkingHersteldOp";
    public static final String MAATREGEL_TOELICHTING = "maatregelToelichting";
    /** Set only by the platform (cooperation/ and employment/ services), never by a task or the variable API. */
    private static final Set<String> COOPERATION_AND_ENDS = Set.of(EINDE_DIENSTVERBAND_REDEN, VSO_ONDERTEKEND_OP,
            MAATREGEL_ID, MAATREGEL_SOORT, MAATREGEL_SOORT_NAAM, MAATREGEL_GROND, MAATREGEL_INGANGSDATUM,
            MAATREGEL_HERBEOORDELEN_OP);

    // ---- opbouw in eigen werk and the spoor 1 re-check (ownwork/) ----
    /** The days an opbouwschema runs (ISO dates): the first day of its first period and the last of its last. */
    public static final String OPBOUW_VAN = "opbouwVan";
    public static final String OPBOUW_TOT = "opbouwTot";
    /** The day the next evaluation was planned from (the last evaluation or the plan coming into force), ISO. */
    public static final String EVALUATIE_GEPLAND_VANAF = "evaluatieGeplandVanaf";
    /** The change that asks for a spoor 1 re-check (local to its event subprocess): kind, description, date ... */
    public static final String SPOOR1_WIJZIGING_SOORT = "spoor1WijzigingSoort";
    public static final String SPOOR1_WIJZIGING_OMSCHRIJVING = "spoor1WijzigingOmschrijving";
    public static final String SPOOR1_WIJZIGING_DATUM = "spoor1WijzigingDatum";
    /** ... and the end of the day by which the werkgever assesses the spoor 1 options again. */
    public static final String SPOOR1_HERBEOORDELING_UITERLIJK = "spoor1HerbeoordelingUiterlijk";

    /**
     * A start of spoor 2 (message {@code Spoor2Inzetten}): why ({@code VROEG}, {@code NA_EJE}, {@code HERSTART},
     * {@code DESKUNDIGENOORDEEL}) and the reason, also the DMN's reason when it decides on spoor 2 ...
     */
    public static final String SPOOR_2_AANLEIDING = "spoor2Aanleiding";
    public static final String SPOOR_2_REDEN = "spoor2Reden";
    /** ... who runs it ({@code bureau} or {@code werkgever}; passed to the trajectory) ... */
    public static final String SPOOR_2_UITVOERDER = "spoor2Uitvoerder";
    /** ... for an early start: situational incapacity (true/false) and whose conclusion it is ... */
    public static final String SPOOR_2_SITUATIEF = "spoor2SituatieveArbeidsongeschiktheid";
    public static final String SPOOR_2_CONCLUSIE_VAN = "spoor2ConclusieVan";
    /** ... who started it, in which role, on which day (ISO) ... */
    public static final String SPOOR_2_INGEZET_DOOR = "spoor2IngezetDoor";
    public static final String SPOOR_2_INGEZET_ROL = "spoor2IngezetRol";
    public static final String SPOOR_2_INGEZET_OP = "spoor2IngezetOp";
    /** ... and why the trajectory ended (its {@code afsluitreden}). */
    public static final String SPOOR_2_EINDREDEN = "spoor2Eindreden";
    /** Why a running trajectory is ended (message {@code Spoor2TrajectBeeindigen} to spoor-2-traject). */
    public static final String TRAJECT_EINDREDEN = "trajectEindreden";
    /** An exception to spoor 2: the re-examination day (ISO), when its task appears and when it is due. */
    public static final String SPOOR_2_HERBEOORDELING_DATUM = "spoor2HerbeoordelingDatum";
    public static final String SPOOR_2_HERBEOORDELING_START = "spoor2HerbeoordelingStart";
    public static final String SPOOR_2_HERBEOORDELING_DUE = "spoor2HerbeoordelingDue";
    /** The werkgever's re-examination: {@code inzetten} or {@code nietInzetten}, with his explanation. */
    public static final String SPOOR_2_HERBEOORDELING = "spoor2Herbeoordeling";
    public static final String HERBEOORDELING_TOELICHTING = "herbeoordelingToelichting";

    // spoor 2 as it happens (issue 26, practice)
    /** The value of {@link #SPOOR_2_UITVOERDER} when the werkgever runs spoor 2 without a bureau. */
    public static final String UITVOERDER_WERKGEVER = "werkgever";
    /** A change of capacity told to the bureau (message BelastbaarheidGewijzigd), no medical detail. */
    public static final String BELASTBAARHEID_WIJZIGING = "belastbaarheidWijziging";
    /** Due date of the bedrijfsarts's check of a reported placement. */
    public static final String PASSENDHEID_TOETSEN_UITERLIJK = "passendheidToetsenUiterlijk";
    /** The detachering's last day (form detachering-vastleggen) and when its follow-up task appears and is due. */
    public static final String DETACHERING_EINDE = "detacheringEinde";
    public static final String DETACHERING_AFRONDEN_VANAF = "detacheringAfrondenVanaf";
    public static final String DETACHERING_AFRONDEN_UITERLIJK = "detacheringAfrondenUiterlijk";
    /** Due date of the task that processes a change of capacity. */
    public static final String BELASTBAARHEID_VERWERKEN_UITERLIJK = "belastbaarheidVerwerkenUiterlijk";
    /** Sessions, trainings and agency registrations recorded since the last progress report (POST .../spoor2/activities). */
    public static final String ACTIVITEITEN_SINDS_VORIGE_RAPPORTAGE = "activiteitenSindsVorigeRapportage";

    /**
     * Case identity and every variable the platform computes or records through its own services (legal dates, the
     * timeline, UWV decisions, recovery, counters). No task completion and no variable API call by a person may set
     * them; the case's start (sick report) sets the identity once.
     */
    private static final Set<String> PLATFORM_ONLY = platformOnly();

    private ProcessVariables() {
    }

    /** True for a variable that only the platform's own services may write (see {@link #PLATFORM_ONLY}). */
    public static boolean isPlatformOnly(String name) {
        return PLATFORM_ONLY.contains(name);
    }

    /** True for the task-local variables that name a task's case ({@link #ZAAK_ID} and the others). */
    public static boolean isTaskLabel(String name) {
        return TASK_LABELS.contains(name);
    }

    private static Set<String> platformOnly() {
        Set<String> names = new HashSet<>(TASK_LABELS);
        names.addAll(Set.of(WERKNEMER_ID, WERKGEVER_ID, EERSTE_ZIEKTEDAG, PROBLEEMANALYSE_DATUM,
                EERSTEJAARSEVALUATIE_DATUM, PROBLEEMANALYSE_LATER_NODIG, PROBLEEMANALYSE_LATER_GEVRAAGD,
                PROBLEEMANALYSE_AFGESPROKEN_TERMIJN, PLAN_VAN_AANPAK_AFGESPROKEN_TERMIJN, AFWIJKING_STAP,
                AFWIJKING_STAP_NAAM, AFWIJKING_NIEUWE_TERMIJN, AFWIJKING_AFGESPROKEN_OP, AFWIJKING_REDEN,
                AFWIJKING_BEVESTIGEN_UITERLIJK, EVALUATION_INTERVAL, NEXT_EVALUATION_START,
                NEXT_EVALUATION_DUE, ZIEKMELDING_UWV_TASK_START, DESKUNDIGENOORDEEL_TASK_START,
                EINDFASE_ONDERDELEN_GEREED, EERSTEJAARSEVALUATIE_WINDOW_START, EINDFASE_START,
                EINDE_WACHTTIJD_DATUM, SPOOR_2_EINDRAPPORTAGE_START, GEMISTE_TAAK, GEMISTE_TERMIJN, HERSTEL_DATUM, AFSLUITREDEN,
                HERSTELPERIODES, VVL_WEKEN, LOONSANCTIE_WEKEN, LOONSANCTIE_EINDE, TEKORTKOMINGEN,
                HERSTELPERIODE_EINDE, LATE_ZIEKMELDING_EINDE, HERSTEL_SOORT, ZAAK_PROCESS_INSTANCE_ID, TERUGVAL_DATUM,
                DEELHERSTEL_PERCENTAGE,
                DESKUNDIGENOORDEEL_DATUM, TERUGVAL_BINNEN_VIER_WEKEN,
                AANTAL_SOLLICITATIES, LAATSTE_SOLLICITATIE, SOLLICITATIES_SINDS_VORIGE_RAPPORTAGE,
                NEXT_REPORT_START, NEXT_REPORT_DUE, BESCHIKBARE_BUREAUS, GEMIST_VOOR_IMPORT, IMPORT_DATUM,
                CONTRACT_EINDDATUM, CONTRACT_EINDE_BEKEND, EINDEVALUATIE_BIJ_UITDIENST, CONTRACT_EINDE, ZIEK_UIT_DIENSTMELDING_DUE,
                ZIEK_UIT_DIENSTMELDING_TASK_START, VERVROEGDE_IVA_BESLUIT, EINDE_VERKORTE_WACHTTIJD,
                VERKORTE_WACHTTIJD_VOORBIJ));
        names.addAll(COOPERATION_AND_ENDS);
        names.addAll(Set.of(OPBOUW_VAN, OPBOUW_TOT, EVALUATIE_GEPLAND_VANAF, SPOOR1_WIJZIGING_SOORT,
                SPOOR1_WIJZIGING_OMSCHRIJVING, SPOOR1_WIJZIGING_DATUM, SPOOR1_HERBEOORDELING_UITERLIJK));
        names.addAll(Set.of(SPOOR_2_AANLEIDING, SPOOR_2_SITUATIEF, SPOOR_2_CONCLUSIE_VAN, BELASTBAARHEID_WIJZIGING,
                SPOOR_2_INGEZET_DOOR, SPOOR_2_INGEZET_ROL, SPOOR_2_INGEZET_OP, SPOOR_2_EINDREDEN,
                SPOOR_2_HERBEOORDELING_DATUM, SPOOR_2_HERBEOORDELING_START, SPOOR_2_HERBEOORDELING_DUE));
        names.addAll(Set.of(TRAJECT_EINDREDEN, PASSENDHEID_TOETSEN_UITERLIJK,
                DETACHERING_AFRONDEN_VANAF, DETACHERING_AFRONDEN_UITERLIJK, BELASTBAARHEID_VERWERKEN_UITERLIJK,
                ACTIVITEITEN_SINDS_VORIGE_RAPPORTAGE));
        for (MilestoneKey key : MilestoneKey.values()) {
            names.add(deadlineVariable(key));
        }
        return Set.copyOf(names);
    }

    /**
     * The variable holding the legal deadline of a milestone, as the instant its due day ends:
     * {@code probleemanalyseDue}, {@code planVanAanpakDue}, …, and {@code eindeWachttijd} for the last day of the
     * waiting period.
     */
    public static String deadlineVariable(MilestoneKey key) {
        String camel = camelCase(key.key());
        return key == MilestoneKey.EINDE_WACHTTIJD ? camel : camel + "Due";
    }

    private static String camelCase(String kebab) {
        String[] parts = kebab.split("-");
        return parts[0] + Arrays.stream(parts).skip(1)
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining());
    }
}
