package nl.spoorwijzer.simulation;

import nl.spoorwijzer.process.ProcessKeys;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Realistic form values per task, as the people in a case would submit them (never medical details): what the demo
 * cases, the what-if simulation (issue 28), the process tests and the benchmarks complete tasks with. Dates are
 * the engine's "today".
 */
public final class SimulatedAnswers {

    /** The re-integratiebureaus the answers choose (the demo's two bureaus). */
    public static final String BUREAU = "bureau-werkfit";
    public static final String OTHER_BUREAU = "bureau-nieuwe-kansen";

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private SimulatedAnswers() {
    }

    static String today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), AMSTERDAM).toString();
    }

    /** The answers of a person who completes every task at once. */
    public static Map<String, Object> onTime(String taskKey) {
        return defaults(taskKey);
    }

    /**
     * The answers of a person who completes every task at once; a task without simulated answers (one a candidate
     * model adds) is completed without values, so the case goes on past it as it would once someone does it.
     */
    public static Map<String, Object> onTimeOrEmpty(String taskKey) {
        try {
            return defaults(taskKey);
        } catch (IllegalArgumentException unknown) {
            return Map.of();
        }
    }

    /**
     * The usual answers for a task, or for a case action by the id of the task it replaced ({@code CaseAction});
     * throws for a task it does not know, so a new task is noticed.
     */
    public static Map<String, Object> defaults(String taskKey) {
        Map<String, Object> values = new HashMap<>();
        switch (taskKey) {
            case "ziekmeldingDoorgeven" -> {
                values.put("meldingBedrijfsartsDatum", today());
                values.put("bedrijfsarts", "Arbodienst Noord, dr. Eva de Vries");
            }
            case "probleemanalyseOpstellen", "probleemanalyseBijstellen" -> {
                values.put("dreigendLangdurigVerzuim", "ja");
                values.put("functioneleBeperkingen", "Niet langer dan 2 uur achtereen staan; geen tillen boven 10 kg.");
                values.put("mogelijkheden", "Zittend werk 4 uur per dag; administratieve taken.");
                values.put("prognose", "langerDan3Maanden");
                values.put("advies", "Start met aangepast werk, 2 x 2 uur per dag; opbouw in overleg.");
                values.put("terugkeerEigenWerkTwijfelachtig", false);
                values.put("bijstellingAanleiding", "Opbouw stagneert.");
            }
            case "verzuimMonitoren" -> {
                values.put("alsnogDreigendLangdurigVerzuim", "nee");
                values.put("consultAdvies", "Werk hervatten in eigen tempo.");
            }
            case "planVanAanpakOpstellen" -> {
                values.put("casemanager", "Anna Jansen (HR)");
                values.put("reintegratieDoel", "eigenWerkAangepast");
                values.put("activiteiten", "Aangepast werk 2 x 2 uur per dag, elke 2 weken 2 uur erbij.");
                values.put("evaluatieAfspraken", "Evaluatie elke 6 weken met casemanager.");
                values.put("visieWerkgever", "Terugkeer in eigen werk met aanpassingen is haalbaar.");
            }
            case "planVanAanpakBeoordelen" -> {
                values.put("akkoordMetPlan", "ja");
                values.put("visieWerknemer", "Ik wil graag zo snel mogelijk weer aan de slag.");
            }
            case "voortgangEvalueren" -> {
                values.put("watGingGoed", "Opbouw volgens plan: de afgesproken uren zijn gewerkt.");
                values.put("watGingNietGoed", "Niets bijzonders.");
                values.put("afsprakenVolgendePeriode", "Uren en taken zoals het plan aangeeft.");
                values.put("arbeidsdeskundigOnderzoekNodig", false);
                values.put("evaluatieVervolg", "geenBijstelling");
            }
            case "planVanAanpakBijstellen" -> {
                values.put("bijstellingReden", "Doel aangepast na evaluatie.");
                values.put("reintegratieDoel", "anderWerkIntern");
                values.put("activiteiten", "Proefplaatsing op de administratie.");
            }
            case "evaluatieVisieGeven" -> values.put("visieWerknemerEvaluatie", "Gaat goed.");
            case "spoor1MogelijkhedenHerbeoordelen" -> {
                values.put("passendWerkEigenOrganisatie", "nee");
                values.put("motiveringGeenPassendWerk", "De gewijzigde situatie biedt geen functie binnen de"
                        + " mogelijkheden; de opbouw in het eigen werk loopt door.");
            }
            case "bijgesteldPlanBeoordelen", "bijgesteldPlanNaSpoor2Beoordelen" -> {
                values.put("akkoordMetBijstelling", "ja");
                values.put("visieWerknemerBijstelling", "Akkoord.");
            }
            case "deskundigenoordeelAanvragen" -> {
                values.put("deskundigenoordeelAanvrager", "werknemer");
                values.put("deskundigenoordeelOnderwerp", "planVanAanpak");
                values.put("deskundigenoordeelAanvraagdatum", today());
                values.put("deskundigenoordeelVraag", "Is het plan van aanpak passend?");
            }
            case "eindevaluatieBijUitdienstHouden" -> values.putAll(defaults("eindevaluatieHouden"));
            case "eindevaluatieBijUitdienstVisieGeven" -> values.putAll(defaults("eindevaluatieVisieGeven"));
            case "deskundigenoordeelInspanningenOverwegen" -> {
                values.put("deskundigenoordeelInspanningenBesluit", "nietNodig");
                values.put("deskundigenoordeelInspanningenToelichting", "Werkgever en werknemer zijn het eens.");
            }
            case "deskundigenoordeelVerwerken" -> {
                values.put("deskundigenoordeelConclusie", "Het plan moet meer uren in ander werk bevatten.");
                values.put("planBijstellenNaOordeel", "ja");
            }
            case "ziekmeldingUwvDoen" -> {
                values.put("uwvMeldingDatum", today());
                values.put("uwvMeldingKanaal", "werkgeversportaal");
                values.put("verzekeraarGeinformeerd", true);
            }
            case "ziekUitDienstmeldingDoen" -> {
                values.put("ziekUitDienstmeldingDatum", today());
                values.put("ziekUitDienstmeldingKanaal", "werkgeversportaal");
                values.put("reintegratieverslagMeegestuurd", "verkort");
            }
            case "arbeidsdeskundigOnderzoekLatenUitvoeren" -> {
                values.put("arbeidsdeskundige", "AD Advies Noord");
                values.put("adOpdrachtDatum", today());
                values.put("adVraagstelling", "Is het eigen werk passend, en zo niet: welke richting?");
            }
            case "arbeidsdeskundigRapportOpstellen" -> {
                values.put("eigenWerkPassend", "nee");
                values.put("anderWerkIntern", "nee");
                values.put("richtingSpoor2", "Administratief werk, 24 uur per week.");
                values.put("loonwaardePercentage", 40);
                values.put("adConclusie", "Eigen werk is niet passend; spoor 2 richting administratie.");
            }
            case "eerstejaarsevaluatieHouden" -> {
                values.put("terugblikEersteJaar", "Aangepast werk 12 uur per week, geen verdere opbouw.");
                values.put("doelTweedeJaar", "Passend werk bij een andere werkgever.");
                values.put("structureleTerugkeerBinnen3Maanden", false);
                values.put("marginaleMogelijkheden", false);
                values.put("partijenAkkoordGeenSpoor2", false);
                values.put("visieWerkgeverEje", "Terugkeer in het eigen werk is niet haalbaar; spoor 2 is nodig.");
            }
            case "eindevaluatieVisieGeven" ->
                    values.put("visieWerknemerEind", "Ik heb meegewerkt waar ik kon; meer uren lukten niet.");
            case "eerstejaarsevaluatieVisieGeven" ->
                    values.put("visieWerknemerEje", "Ik sta open voor ander werk.");
            case "reintegratiebureauInschakelen", "spoor2UitvoerderKiezen" -> {
                values.put("spoor2Uitvoerder", "bureau");
                values.put("reintegratiebureau", BUREAU);
                values.put("spoor2Startdatum", today());
            }
            case "aanmeldingBeoordelen" -> {
                values.put("aanmeldingGeaccepteerd", "ja");
                values.put("werknemerBetrokkenBijKeuze", true);
            }
            case "anderBureauKiezen" -> {
                values.put("reintegratiebureau", OTHER_BUREAU);
                values.put("keuzeToelichting", "Ervaring met administratieve functies in de regio.");
            }
            case "kennismaking" -> {
                values.put("kennismakingDatum", today());
                values.put("kennismakingVerslag", "Goede klik; werknemer is gemotiveerd.");
            }
            case "adRapportBestuderen" -> {
                values.put("adRapportOntvangen", true);
                values.put("uitgangspositie", "MBO-4 administratie, 12 jaar ervaring in de bouw.");
            }
            case "intakeEnOrientatie" -> {
                values.put("werkervaring", "12 jaar calculator in de bouw.");
                values.put("opleidingEnCursussen", "MBO-4 bouwkunde; cursus Excel.");
                values.put("ambities", "Administratief of planning.");
                values.put("voorkeuren", "Dicht bij huis.");
                values.put("belemmeringen", "Weinig sollicitatie-ervaring.");
            }
            case "zoekprofielOpstellen" -> {
                values.put("zoekSectoren", "Bouw, installatietechniek, logistiek.");
                values.put("zoekFuncties", "Werkvoorbereider, planner, calculator binnendienst.");
                values.put("kansOpArbeidsmarkt", "redelijk");
                values.put("zoekprofielOnderbouwing", "Sluit aan bij ervaring en zittend werk.");
            }
            case "planSpoor2Opstellen" -> {
                values.put("spoor2Modules", List.of("sollicitatiebegeleiding", "jobhunting"));
                values.put("spoor2Einddoel", "Passend werk als planner, 24 uur per week.");
                values.put("spoor2Tijdpad", "Oriëntatie 6 weken, daarna jobhunting.");
                values.put("rapportagemomenten", "Elke 6 weken een voortgangsrapportage.");
            }
            case "planSpoor2Beoordelen" -> {
                values.put("akkoordSpoor2Plan", "ja");
                values.put("visieWerknemerSpoor2", "Ik ga ervoor.");
            }
            case "deskundigenoordeelSpoor2Aanvragen" -> values.putAll(defaults("deskundigenoordeelAanvragen"));
            case "deskundigenoordeelSpoor2Verwerken" -> values.putAll(defaults("deskundigenoordeelVerwerken"));
            case "voortgangsrapportageOpstellen" -> {
                values.put("uitgevoerdeActiviteiten", "Sollicitatietraining, drie netwerkgesprekken.");
                values.put("resultaten", "Twee sollicitaties verstuurd.");
                values.put("belemmeringenRapportage", "Geen.");
                values.put("rapportageVervolg", "doorgaan");
            }
            case "haalbaarheidEinddoelToetsen" -> {
                values.put("einddoelHaalbaar", "ja");
                values.put("haalbaarheidToelichting", "Op schema.");
            }
            case "bijgesteldEinddoelBeoordelen" -> {
                values.put("einddoelAkkoord", "ja");
                values.put("maatregelenWerkgever", "Plan van aanpak wordt bijgesteld.");
            }
            case "passendheidToetsen" -> {
                values.put("functiePassend", "ja");
                values.put("functieDuurzaam", "ja");
                values.put("passendheidAdvies", "Passend bij zittend werk tot 6 uur per dag.");
            }
            case "arbeidsovereenkomstVastleggen" -> {
                values.put("nieuweWerkgever", "Bouwbedrijf De Vries");
                values.put("nieuweFunctie", "Planner");
                values.put("ingangsdatum", today());
                values.put("urenPerWeek", 24);
                values.put("contractVorm", "bepaaldeTijd");
            }
            case "detacheringVastleggen" -> {
                values.put("inlener", "Installatiebedrijf Noord");
                values.put("detacheringStart", today());
                values.put("detacheringUren", 24);
                values.put("detacheringVergoeding", 32);
                values.put("loonwaardePercentage", 55);
                values.put("detacheringsovereenkomstGetekend", true);
                values.put("detacheringEinde", LocalDate.parse(today()).plusMonths(3).toString());
            }
            case "detacheringAfronden" -> {
                values.put("contractaanbodInlener", "ja");
                values.put("noRiskPolis", "ja");
                values.put("premievoordelen", "Premiekorting arbeidsbeperkte werknemer; no-riskpolis 5 jaar.");
            }
            case "visieKeuzeBureauGeven" -> {
                values.put("betrokkenBijKeuzeBureau", "ja");
                values.put("visieKeuzeBureau", "Ik heb zelf voor dit bureau gekozen: het kent de regio.");
            }
            case "weigeringBeoordelen" -> {
                values.put("weigeringOordeel", "aanvaarden");
                values.put("weigeringOordeelToelichting", "De reistijd van twee uur per dag is niet passend.");
            }
            case "gewijzigdeBelastbaarheidVerwerken" -> {
                values.put("zoekprofielAangepast", "ja");
                values.put("belastbaarheidVerwerking", "Zoekprofiel naar 20 uur per week; geen ploegendienst.");
            }
            case "plaatsingMelden" -> {
                values.put("plaatsingWerkgever", "Installatiebedrijf Noord");
                values.put("gevondenFunctie", "Planner");
                values.put("plaatsingsvorm", "arbeidsovereenkomst");
                values.put("plaatsingStartdatum", today());
                values.put("plaatsingUren", 24);
            }
            case "aanbodWeigeren" -> {
                values.put("geweigerdAanbod", "Magazijnmedewerker bij Transport Zuid");
                values.put("weigeringDatum", today());
                values.put("weigeringMotivering", "Twee uur reistijd per dag en ploegendienst.");
            }
            case "spoor2ActiviteitVastleggen" -> {
                values.put("activiteitSoort", "gesprek");
                values.put("activiteitDatum", today());
                values.put("activiteitOmschrijving", "Tweewekelijks gesprek: vacatures besproken, cv bijgewerkt.");
            }
            case "nazorgBieden" -> {
                values.put("nazorgVerslag", "Twee evaluatiegesprekken; loopt goed.");
                values.put("plaatsingStabiel", "ja");
            }
            case "eindrapportageOpstellen", "eindrapportageBijEindeWachttijd" -> {
                values.put("eindresultaat", "geenPlaatsing");
                values.put("eindrapportage", "Sollicitatiebegeleiding en jobhunting; geen plaatsing.");
            }
            case "sollicitatieRegistreren" -> {
                values.put("sollicitatieDatum", today());
                values.put("sollicitatieWerkgever", "Bouwbedrijf De Vries");
                values.put("sollicitatieFunctie", "Planner");
                values.put("sollicitatieKanaal", "vacaturesite");
                values.put("sollicitatieResultaat", "afwachten");
            }
            case "loonwaardeOfProefplaatsingVastleggen" -> {
                values.put("registratieSoort", "loonwaarde");
                values.put("loonwaardePercentage", 40);
                values.put("registratieToelichting", "16 van 40 uur in eigen werk op normaal tempo.");
            }
            case "planBijstellenNaSpoor2" -> values.putAll(defaults("planVanAanpakBijstellen"));
            case "actueelOordeelOpstellen" -> {
                values.put("actueleBeperkingen", "Zittend werk tot 4 uur per dag.");
                values.put("actuelePrognose", "Geen verdere verbetering verwacht.");
                values.put("actueelAdvies", "WIA-aanvraag voorbereiden.");
            }
            case "eindevaluatieHouden" -> {
                values.put("terugblikWachttijd", "Spoor 1 en spoor 2 zonder structureel resultaat.");
                values.put("reintegratieResultaat", "gedeeltelijkeHervatting");
                values.put("visieWerkgeverEind", "Alle inspanningen zijn geleverd.");
            }
            case "visieOpReintegratieGeven" -> values.put("visieOpReintegratie", "Ik heb me volledig ingezet.");
            case "reintegratieverslagSamenstellen" -> {
                values.put("rivCompleet", true);
                values.put("rivAanWerknemerDatum", today());
                values.put("rivOpmerkingen", "");
            }
            case "wiaAanvraagIndienen" -> {
                values.put("wiaAanvraagDatum", today());
                values.put("wiaAanvraagBevestigd", true);
            }
            case ProcessKeys.Tasks.TERMIJN_OVERSCHREDEN_AFHANDELEN -> {
                values.put("maatregel", "Taak alsnog uitgevoerd; werkwijze aangepast.");
                values.put("herstelGeplandOp", today());
            }
            case "tekortkomingHerstellen" -> {
                values.put("herstelmaatregelen", "Spoor 2 gestart en het plan van aanpak bijgesteld.");
                values.put("hersteldOp", today());
            }
            case "bekortingsverzoekIndienen" -> {
                values.put("bekortingsverzoekIngediendOp", today());
                values.put("bekortingsverzoekToelichting", "Alle tekortkomingen zijn hersteld.");
            }
            case ProcessKeys.Tasks.MAATREGEL_HERBEOORDELEN -> {
                values.put("maatregelUitkomst", "beeindigen");
                values.put("medewerkingHersteldOp", today());
            }
            default -> throw new IllegalArgumentException("no test answers for task " + taskKey);
        }
        return values;
    }
}
