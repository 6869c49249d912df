package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** Problem details in Dutch for people: titles by status, rules as sentences naming the field, no internals. */
class DutchProblemsTest {

    @Test
    void aRefusedFormFieldBecomesADutchSentenceNamingTheField() {
        Problem english = Problem.invalid(List.of(new Violation("meldingBedrijfsartsDatum", "is required"),
                new Violation("bedrijfsarts", "must be at most 200 characters")));

        Problem dutch = DutchProblems.of(english);

        assertThat(dutch.title()).isEqualTo("Ongeldige invoer");
        assertThat(dutch.detail()).isEqualTo("Het veld meldingBedrijfsartsDatum is verplicht."
                + " Het veld bedrijfsarts mag hoogstens 200 tekens lang zijn.");
        assertThat(dutch.type()).as("clients keep telling problems apart by type").isEqualTo(english.type());
        assertThat(dutch.violations()).as("the same fields, each rule in Dutch (the case screen shows it there)")
                .containsExactly(new Violation("meldingBedrijfsartsDatum", "is verplicht"),
                        new Violation("bedrijfsarts", "mag hoogstens 200 tekens lang zijn"));
    }

    @Test
    void theOverviewsRefusalsSpeakDutch() {
        assertThat(DutchProblems.rule("only the employers you work for"))
                .isEqualTo("alleen een werkgever waarvoor u werkt; kies een werkgever uit de lijst");
        assertThat(DutchProblems.rule("only an employer whose cases you may see"))
                .isEqualTo(DutchProblems.rule("only the employers you work for"));
        assertThat(DutchProblems.rule("one of ZIEKMELDING, PROBLEEMANALYSE, SPOOR_1"))
                .isEqualTo("moet een fase uit de lijst zijn");
        assertThat(DutchProblems.rule("a whole number from 1 to 36")).isEqualTo("moet een heel getal van 1 tot en met"
                + " 36 zijn");
        assertThat(DutchProblems.rule("json (the default) or csv")).isEqualTo("moet json (standaard) of csv zijn");
        assertThat(DutchProblems.rule("the list of deadlines is for the werkgever"))
                .isEqualTo("de lijst met termijnen is er alleen voor de werkgever");
    }

    @Test
    void theFirstSickDayGuardSpeaksDutch() {
        assertThat(DutchProblems.rule("must not be before the first sick day (2026-12-03)"))
                .isEqualTo("mag niet voor de eerste ziektedag (2026-12-03) liggen");
        assertThat(DutchProblems.rule("must not be in the future (today is 2026-12-16)"))
                .isEqualTo("mag niet in de toekomst liggen (vandaag is 16-12-2026)");
        assertThat(DutchProblems.rule("must be one of [ja, nee]")).isEqualTo("moet een van deze waarden zijn: [ja, nee]");
    }

    @Test
    void theDateBoundsOfMeasuresAndAgreementsSpeakDutchWholly() {
        assertThat(DutchProblems.rule("must be at most 31 days ahead (today is 2026-12-05)"))
                .isEqualTo("mag hoogstens 31 dagen vooruit liggen (vandaag is 05-12-2026)");
        assertThat(DutchProblems.rule("must be at most 100")).isEqualTo("mag hoogstens 100 zijn");
        assertThat(DutchProblems.rule("must not be after the end of the waiting period 2028-12-02: the case ends then,"
                + " not by the agreement")).isEqualTo("mag niet na het einde van de wachttijd (02-12-2028) liggen: dan"
                + " eindigt de zaak met de wachttijd, niet door de overeenkomst");
    }

    @Test
    void engineRefusalsAreAnsweredInDutchWithoutEngineInternals() {
        RestException cannotStart = new RestException(jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR,
                new AuthorizationException("The user with id 'hanna' does not have 'CREATE' permission on resource"
                        + " 'ProcessInstance'."), "Cannot instantiate process definition poortwachter:1:42: The user"
                + " with id 'hanna' does not have 'CREATE' permission");

        Problem forbidden = DutchProblems.of(Problems.classify(cannotStart));
        Problem conflict = DutchProblems.of(Problems.classify(new OptimisticLockingException(
                "ENGINE-03005 Execution of 'UPDATE TaskEntity[4711]' failed. Entity was updated by another transaction"
                        + " concurrently.")));

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.title()).isEqualTo("Geen toegang");
        assertThat(forbidden.detail()).isEqualTo("U mag dit niet doen.");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.detail()).startsWith("De zaak werd op hetzelfde moment gewijzigd")
                .doesNotContain("ENGINE", "TaskEntity", "4711");
    }

    @Test
    void aServerFaultNamesOnlyItsCorrelationId() {
        Problem fault = DutchProblems.of(Problems.classify(new IllegalStateException("NullPointer in ACT_RU_TASK")));

        assertThat(fault.title()).isEqualTo("Serverfout");
        assertThat(fault.detail()).isEqualTo("De server kon het verzoek niet afmaken. Noem kenmerk "
                + fault.correlationId() + " als u dit meldt.").doesNotContain("ACT_RU_TASK");
    }

    @Test
    void aTextWithoutDutchWordingKeepsItAsATechnicalNote() {
        Problem dutch = DutchProblems.of(Problem.of(400, "Filter has no query."));

        assertThat(dutch.detail()).isEqualTo("Het verzoek is niet geldig. (Technische melding: Filter has no query.)");
    }

    @Test
    void dutchOnlyWhenTheClientAsksForDutchFirst() {
        assertThat(DutchProblems.asked("nl")).isTrue();
        assertThat(DutchProblems.asked("nl-NL,nl;q=0.9,en;q=0.8")).isTrue();
        assertThat(DutchProblems.asked("en-US,en;q=0.9,nl;q=0.8")).isFalse();
        assertThat(DutchProblems.asked(null)).isFalse();
        assertThat(DutchProblems.asked("not a language ,,;;")).isFalse();
    }

    @Test
    void theBrowserErrorPageIsDutchAndPlain() {
        String page = ErrorPage.of(Problem.forbidden());

        assertThat(page).contains("<html lang=\"nl\">", "Geen toegang", "Naar de startpagina")
                .doesNotContain("Whitelabel", "Forbidden", "exception");
        assertThat(ProblemErrorController.wantsHtml("text/html,application/xhtml+xml,*/*;q=0.8")).isTrue();
        assertThat(ProblemErrorController.wantsHtml("application/json")).isFalse();
    }

    @Test
    void theCaseScreensCommonRefusalsSpeakDutch() {
        assertThat(DutchProblems.rule("the case is already recovered since 2026-12-04; a new sick report (POST"
                + " /api/cases) within 28 days continues it"))
                .isEqualTo("de zaak is al hersteld sinds 04-12-2026; een nieuwe ziekmelding binnen 28 dagen zet haar voort");
        assertThat(DutchProblems.rule("must be after 2026-11-15, the first sick day of the current sickness period"
                + " (BW 7:629 lid 10)")).startsWith("moet na 15-11-2026 liggen");
        assertThat(DutchProblems.rule("is required: the first day of (partial) recovery")).isEqualTo(
                "is verplicht (een datum)");
        assertThat(DutchProblems.rule("must be a KvK number: 8 digits")).isEqualTo("moet een KvK-nummer van 8 cijfers zijn");
        assertThat(DutchProblems.rule("is empty: choose a file with content")).startsWith("is leeg");
        assertThat(DutchProblems.rule("must be given: a loonsanctie extends the waiting period by 1 to 52 weeks"
                + " (WIA art. 25 lid 9)")).isEqualTo("is verplicht: een loonsanctie verlengt de wachttijd met 1 tot 52"
                + " weken (WIA art. 25 lid 9)");
        assertThat(DutchProblems.rule("the case is closed; UWV decisions apply to a running case"))
                .startsWith("de zaak loopt niet meer (closed)");
    }

    @Test
    void theDeskundigenoordeelRefusalsSpeakDutch() {
        assertThat(DutchProblems.rule("must be on or before 2027-07-04, the last day to request a deskundigenoordeel on"
                + " the re-integration efforts (6 months before the end of the waiting period, seed 000); ask about"
                + " GESCHIKTHEID_EIGEN_WERK or PASSENDE_ARBEID instead"))
                .startsWith("ligt na 04-07-2027, de laatste dag waarop een deskundigenoordeel over de"
                        + " re-integratie-inspanningen kan worden aangevraagd");
        assertThat(DutchProblems.rule("must answer question GESCHIKTHEID_EIGEN_WERK: one of [GESCHIKT, NIET_GESCHIKT]"))
                .isEqualTo("moet vraag GESCHIKTHEID_EIGEN_WERK beantwoorden: een van deze waarden [GESCHIKT, NIET_GESCHIKT]");
        assertThat(DutchProblems.rule("is required: the day the request was filed with UWV")).startsWith("is verplicht");
        assertThat(DutchProblems.rule("is required when no step waits for the opinion: one of [PASSENDE_ARBEID]"))
                .isEqualTo("is verplicht als geen stap op het oordeel wacht: een van [PASSENDE_ARBEID]");
        assertThat(DutchProblems.rule("request 12 was already answered")).isEqualTo("aanvraag 12 is al beantwoord");
        assertThat(DutchProblems.rule("must be on or before 2027-12-31, the end of the waiting period: a placement in"
                + " spoor 2 starts within it")).isEqualTo("mag niet na 31-12-2027 liggen, het einde van de wachttijd:"
                + " een plaatsing in spoor 2 begint daarvoor");
        assertThat(DutchProblems.rule("the case is closed; deskundigenoordeel requests are recorded on a running case"))
                .startsWith("de zaak loopt niet meer (closed)");
    }

    @Test
    void theRefusalsOfMeasuresAndTheVaststellingsovereenkomstSpeakDutch() {
        assertThat(DutchProblems.rule("must be one of WAARSCHUWING, OPSCHORTING_LOON, STOPZETTING_LOON"))
                .startsWith("moet een van deze");
        assertThat(DutchProblems.rule("a measure of this kind is in force since 2026-02-03 (m-1); review or end it"
                + " first")).isEqualTo("er geldt al een maatregel van deze soort sinds 03-02-2026; herbeoordeel of"
                + " beëindig die eerst");
        assertThat(DutchProblems.rule("must be after today 2026-03-01 and at most 91 days ahead"))
                .isEqualTo("moet na vandaag (01-03-2026) liggen");
        assertThat(DutchProblems.rule("a loonsanctie runs until 2027-01-01: no termination agreement while it runs"
                + " (domain reference §2.2)")).startsWith("er loopt een loonsanctie tot 01-01-2027");
        assertThat(DutchProblems.rule("must not be before the day it was signed 2026-03-01"))
                .isEqualTo("mag niet voor de dag van ondertekening (01-03-2026) liggen");
    }

    @Test
    void theStartOfSpoor2ExplainsItsRulesInDutch() {
        assertThat(DutchProblems.rule("must be 10 to 4000 characters, in functional terms (no diagnosis, symptoms or"
                + " treatment)")).isEqualTo("moet 10 tot 4000 tekens lang zijn, in functionele termen (geen diagnose,"
                + " klachten of behandeling)");
        assertThat(DutchProblems.rule("is required: true when return to the own employer hinders recovery"
                + " (situational incapacity), else false")).startsWith("is verplicht: ja als terugkeer");
        assertThat(DutchProblems.rule("must be your own role (bedrijfsarts): you record your own conclusion"))
                .isEqualTo("moet uw eigen rol zijn (bedrijfsarts): u legt uw eigen conclusie vast");
        assertThat(DutchProblems.rule("is required: bureau or werkgever"))
                .isEqualTo("is verplicht: een re-integratiebureau of de werkgever zelf");
        assertThat(DutchProblems.rule("is required: the re-integratiebureau that runs spoor 2"))
                .isEqualTo("is verplicht: het re-integratiebureau dat spoor 2 uitvoert");
    }
}
