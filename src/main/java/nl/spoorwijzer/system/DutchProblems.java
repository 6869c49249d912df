package nl.spoorwijzer.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Problem details in Dutch for people: the webapps' own engine API (what Tasklist and Cockpit show) always, and
 * {@code /api} and {@code /engine-rest} when the client asks for Dutch first ({@code Accept-Language: nl}). The title
 * follows the status; the detail becomes Dutch sentences naming each field ("Het veld eersteZiektedag is
 * verplicht.") and each violation's {@code rule} Dutch (shown at its field); the {@code type}, {@code field} and
 * {@code status} stay as they are, so clients keep their logic.
 * The platform's own general rules (form validation, JSON input, stored values, conflicts) have Dutch wording here;
 * a rule not listed keeps its English wording inside the Dutch sentence.
 */
public final class DutchProblems {

    private static final Map<String, String> DETAILS = Map.ofEntries(
            Map.entry(Problem.NOT_FOUND_DETAIL, "Dit bestaat niet, of u mag het niet zien."),
            Map.entry(Problem.FORBIDDEN_DETAIL, "U mag dit niet doen."),
            Map.entry(TransientConflicts.RETRY_DETAIL, "De zaak werd op hetzelfde moment gewijzigd, door iemand anders"
                    + " of door het platform (een termijn die afliep); er is niets opgeslagen. Probeer het opnieuw."),
            Map.entry(Problems.SUSPENDED_DETAIL, "Dit is opgeschort en kan nu niet worden gewijzigd."),
            Map.entry(Problems.STORED_CONFLICT_DETAIL, "Dit botst met gegevens die al zijn opgeslagen."),
            Map.entry(Problems.MISSING_VALUE_DETAIL, "Er ontbreekt een verplichte waarde."),
            Map.entry(Problems.INVALID_REQUEST_DETAIL, "Het verzoek is niet geldig."),
            Map.entry(Problems.METHOD_DETAIL, "Deze methode is hier niet toegestaan."),
            Map.entry(Problems.MEDIA_TYPE_DETAIL, "Er is geen antwoord in een gevraagd formaat."),
            Map.entry(BodySizeLimit.DETAIL, "Het verzoek is groter dan deze API aanneemt."),
            Map.entry(SignInFailure.REFUSED_DETAIL, "Inloggen is geweigerd of niet afgemaakt. Probeer het opnieuw; lukt"
                    + " het weer niet, neem dan contact op met de beheerder."),
            Map.entry(SignInFailure.UNREACHABLE_DETAIL, "De inlogdienst is nu niet bereikbaar. Probeer het over een"
                    + " minuut opnieuw."),
            Map.entry(SignInFailure.NOT_SIGNED_IN_DETAIL, "U bent niet ingelogd. Open de pagina opnieuw om in te"
                    + " loggen."));

    /** English rule (whole text) → Dutch predicate after "Het veld x ..."; groups are carried over as $1, $2. */
    private static final Map<Pattern, String> RULES = new LinkedHashMap<>();

    static {
        rule("is required", "is verplicht");
        rule("is not a field of form '(.+)'", "hoort niet bij formulier '$1'");
        rule("is set by the platform only and cannot be submitted in a task",
                "wordt alleen door het platform gezet en kan niet in een taak worden ingevuld");
        rule("is set by the platform only; use the platform's own service .*",
                "wordt alleen door het platform gezet; wijzig het met de eigen functie van het platform"
                        + " (hersteldmelding, UWV-beslissing, …)");
        rule("is hidden in this form for the values given; leave it out",
                "is bij deze antwoorden verborgen; laat het leeg");
        rule("is read-only in this form", "kan in dit formulier niet worden gewijzigd");
        rule("is a '(.+)' component, which takes no input", "is een onderdeel ($1) zonder invoer");
        rule("must be a plain (.+), not a serialized object", "moet een gewone waarde zijn, geen geserialiseerd object");
        rule("must be text", "moet tekst zijn");
        rule("must be at most (\\d+) characters", "mag hoogstens $1 tekens lang zijn");
        rule("must be at least (\\d+) characters", "moet minstens $1 tekens lang zijn");
        rule("must match the pattern (.+)", "moet voldoen aan het patroon $1");
        rule("must be an e-mail address", "moet een e-mailadres zijn");
        rule("must be a phone number", "moet een telefoonnummer zijn");
        rule("must be a number", "moet een getal zijn");
        rule("must have at most (\\d+) decimal digits", "mag hoogstens $1 cijfers achter de komma hebben");
        rule("must be at least (\\S+)", "moet minstens $1 zijn"); // one value; longer rules have their own wording
        rule("must be at most (\\S+)", "mag hoogstens $1 zijn");
        rule("must be a date in ISO format YYYY-MM-DD(?: \\(got '(.*)'\\))?", "moet een datum zijn (jjjj-mm-dd)");
        rule("must be a time HH:mm", "moet een tijd zijn (uu:mm)");
        rule("must be a date and time in ISO format .*", "moet een datum met tijd zijn (jjjj-mm-ddTuu:mm+01:00)");
        rule("must not be before the first sick day \\(?(\\d{4}-\\d{2}-\\d{2})\\)?",
                "mag niet voor de eerste ziektedag ($1) liggen");
        rule("must not be in the future \\(today is (\\d{4})-(\\d{2})-(\\d{2})\\)",
                "mag niet in de toekomst liggen (vandaag is $3-$2-$1)");
        rule("must be true or false", "moet ja of nee zijn");
        rule("must be checked", "moet aangevinkt zijn");
        rule("must be one of (.+)", "moet een van deze waarden zijn: $1");
        rule("must contain only values from (.+)", "mag alleen waarden bevatten uit $1");
        rule("must be a list of values from (.+)", "moet een lijst zijn met waarden uit $1");
        rule("has the wrong type or shape", "heeft het verkeerde type of de verkeerde vorm");
        rule("has an invalid value", "heeft een ongeldige waarde");
        rule("must be a JSON object with the documented fields", "moet een JSON-object met de beschreven velden zijn");
        rule("must be a JSON value of the documented shape", "moet een JSON-waarde in de beschreven vorm zijn");
        rule("is longer than the platform can store", "is langer dan het platform kan opslaan");
        rule("cannot be stored \\(out of range or malformed\\)",
                "kan niet worden opgeslagen (buiten het bereik of onjuist van vorm)");
        rule("a required value is missing", "mist een verplichte waarde");
        rule("serialized Java objects are not accepted", "mag geen geserialiseerde Java-objecten bevatten");
        rule("is not a readable BPMN or DMN model", "is geen leesbaar BPMN- of DMN-model");
        rule("is assigned by the platform \\(the case id\\); start without one",
                "wordt door het platform toegekend (het zaaknummer); start zonder");
        rule("this step has no form, so it takes no values", "hoort bij een stap zonder formulier en wordt niet"
                + " aangenomen");
        // The case screen's actions (recovery, UWV decisions, documents, details): what a case handler meets most.
        rule("is required: (?:the first day of \\(partial\\) recovery|a date in ISO format YYYY-MM-DD|the date of"
                + " UWV's decision|the day the employee applied)", "is verplicht (een datum)");
        rule("is required: one of (.+)", "is verplicht: een van $1");
        rule("is required, at most (\\d+) characters, in functional terms .*",
                "is verplicht, hoogstens $1 tekens, in functionele termen (geen diagnose, klachten of behandeling)");
        rule("must be after (\\d{4})-(\\d{2})-(\\d{2}), the first sick day of the current sickness period .*",
                "moet na $3-$2-$1 liggen, de eerste ziektedag van de huidige ziekteperiode (BW 7:629 lid 10)");
        rule("must be between 1 and 100 \\(100 = full recovery;.*",
                "moet tussen 1 en 100 liggen (100 = volledig hersteld; bij gedeeltelijk herstel loopt de termijn door)");
        rule("the case is already recovered since (\\d{4})-(\\d{2})-(\\d{2}).*",
                "de zaak is al hersteld sinds $3-$2-$1; een nieuwe ziekmelding binnen 28 dagen zet haar voort");
        rule("the case is closed \\((.*)\\)", "de zaak is afgesloten ($1)");
        rule("is empty: choose a file with content", "is leeg: kies een bestand met inhoud");
        rule("must be one of the parts of the re-integratieverslag: (.+)",
                "moet een onderdeel van het re-integratieverslag zijn: $1");
        rule("must be 0 to (\\d+) hours per week", "moet 0 tot $1 uur per week zijn");
        rule("must be a Dutch postal code: .*", "moet een Nederlandse postcode zijn: 4 cijfers en 2 letters (bijv. 3511 AB)");
        rule("must be a KvK number: 8 digits", "moet een KvK-nummer van 8 cijfers zijn");
        rule("must be a loonheffingennummer: .*", "moet een loonheffingennummer zijn: 9 cijfers, de letter L en 2 cijfers"
                + " (bijv. 123456789L01)");
        rule("must be given: a loonsanctie extends the waiting period by (\\d+) to (\\d+) weeks .*",
                "is verplicht: een loonsanctie verlengt de wachttijd met $1 tot $2 weken (WIA art. 25 lid 9)");
        rule("must be given: a voluntary extension of wage payment \\(VVL\\) is at least (\\d+) weeks .*",
                "is verplicht: een vrijwillige verlenging van de loondoorbetaling (VVL) is minstens $1 weken (WIA art. 24)");
        rule("must be true: a VVL is requested jointly by werkgever and werknemer .*",
                "moet aangevinkt zijn: werkgever en werknemer vragen een VVL samen aan (WIA art. 24)");
        rule("a loonsanctie of (\\d+) weeks is already imposed; .*",
                "er is al een loonsanctie van $1 weken opgelegd; UWV bekort die met een besluit tot bekorting");
        rule("there is no loonsanctie to shorten in this case", "deze zaak heeft geen loonsanctie om te bekorten");
        rule("the loonsanctie was already shortened; it ends on (\\d{4})-(\\d{2})-(\\d{2})",
                "de loonsanctie is al bekort; zij eindigt op $3-$2-$1");
        rule("no step of this case waits for a deskundigenoordeel;.*", "geen stap van deze zaak wacht op een"
                + " deskundigenoordeel; vraag er eerst een aan (taak Deskundigenoordeel aanvragen)");
        rule("must name 1 to (\\d+) shortcomings from UWV's decision.*",
                "moet 1 tot $1 tekortkomingen uit het besluit van UWV noemen; elk wordt een hersteltaak");
        rule("each shortcoming is a text of 1 to 1000 characters", "elke tekortkoming is een tekst van 1 tot 1000 tekens");
        rule("the case is (\\w+); (?:UWV decisions apply to a running case|.* are recorded on a running case)",
                "de zaak loopt niet meer ($1); dit wordt alleen bij een lopende zaak vastgelegd");
        rule("UWV granted an early IVA in this case.*", "UWV heeft in deze zaak een vervroegde IVA toegekend: de"
                + " re-integratie is beëindigd");
        rule("UWV already decided on an early IVA application in this case.*", "UWV heeft in deze zaak al over een"
                + " aanvraag voor een vervroegde IVA beslist; de werknemer vraagt die maar één keer aan (WIA art. 23 lid 6)");
        rule("is required: true when UWV granted the early IVA, false when it refused",
                "is verplicht: ja als UWV de vervroegde IVA toekende, nee als UWV die weigerde");
        rule("must not be before the first sick day (\\d{4})-(\\d{2})-(\\d{2})",
                "mag niet voor de eerste ziektedag ($3-$2-$1) liggen");
        rule("no spoor 2 trajectory runs in this case;.*", "in deze zaak loopt geen spoor 2-traject; sollicitaties"
                + " worden vastgelegd zolang het loopt");
        rule("must be on or before (\\d{4})-(\\d{2})-(\\d{2}), the last day to request a deskundigenoordeel on the"
                + " re-integration efforts.*", "ligt na $3-$2-$1, de laatste dag waarop een deskundigenoordeel over de"
                + " re-integratie-inspanningen kan worden aangevraagd (6 maanden voor het einde van de wachttijd); vraag"
                + " nu naar geschiktheid voor het eigen werk of passende arbeid");
        rule("a deskundigenoordeel is requested by the werkgever or the werknemer of the case.*",
                "alleen de werkgever of de werknemer van de zaak vraagt een deskundigenoordeel aan (Wet SUWI art. 32)");
        rule("is required: the day the request was filed with UWV", "is verplicht (de datum waarop de aanvraag bij UWV"
                + " is ingediend)");
        rule("is required when no step waits for the opinion: one of (.+)",
                "is verplicht als geen stap op het oordeel wacht: een van $1");
        rule("must answer question (\\w+): one of (.+)", "moet vraag $1 beantwoorden: een van deze waarden $2");
        rule("can be true only with an adverse verdict.*", "kan alleen ja zijn bij een ongunstig oordeel (NIET_GESCHIKT,"
                + " NIET_PASSEND of ONVOLDOENDE)");
        rule("names no deskundigenoordeel request of this case.*", "noemt geen aanvraag voor een deskundigenoordeel"
                + " van deze zaak");
        rule("request (\\d+) was already answered", "aanvraag $1 is al beantwoord");
        rule("must be the question of request (\\d+) \\((\\w+)\\)", "moet de vraag van aanvraag $1 zijn ($2)");
        // issue 26: measures for non-cooperation and the vaststellingsovereenkomst
        rule("is required: one of (.+)", "is verplicht: een van $1");
        rule("must be one of (WAARSCHUWING.+)", "moet een van deze zijn: $1");
        rule("is required: which obligation was not met \\(no medical details\\)",
                "is verplicht: welke verplichting niet is nagekomen (geen medische gegevens)");
        rule("must be (\\d+) to (\\d+) characters", "moet $1 tot $2 tekens lang zijn");
        rule("must be at most (\\d+) days ahead \\(today is (\\d{4})-(\\d{2})-(\\d{2})\\)",
                "mag hoogstens $1 dagen vooruit liggen (vandaag is $4-$3-$2)");
        rule("must be at most (\\d+) days ahead: a measure is reviewed within that time",
                "mag hoogstens $1 dagen vooruit liggen: een maatregel wordt binnen die tijd herbeoordeeld");
        rule("must be after today (\\d{4})-(\\d{2})-(\\d{2})(?: and at most (\\d+) days ahead)?",
                "moet na vandaag ($3-$2-$1) liggen");
        rule("must not be before the (?:start|measure's start) (\\d{4})-(\\d{2})-(\\d{2})",
                "mag niet voor de ingangsdatum van de maatregel ($3-$2-$1) liggen");
        rule("a measure of this kind is in force since (\\d{4})-(\\d{2})-(\\d{2}).*",
                "er geldt al een maatregel van deze soort sinds $3-$2-$1; herbeoordeel of beëindig die eerst");
        rule("the measure ended on (\\d{4})-(\\d{2})-(\\d{2})", "de maatregel is al beëindigd op $3-$2-$1");
        rule("no measure '(.+)' in this case", "deze zaak heeft geen maatregel '$1'");
        rule("only the werkgever of employer '(.+)' (?:takes|ends) a measure for non-cooperation",
                "alleen de werkgever van '$1' legt een maatregel bij onvoldoende medewerking vast");
        rule("only the werkgever of employer '(.+)' records a vaststellingsovereenkomst",
                "alleen de werkgever van '$1' legt een vaststellingsovereenkomst vast");
        rule("must not be before the day it was signed (\\d{4})-(\\d{2})-(\\d{2})",
                "mag niet voor de dag van ondertekening ($3-$2-$1) liggen");
        rule("is required, 1 to (\\d+) characters: what was agreed \\(no medical details\\)",
                "is verplicht, 1 tot $1 tekens: wat is afgesproken (geen medische gegevens)");
        rule("a loonsanctie runs until (\\d{4})-(\\d{2})-(\\d{2}).*", "er loopt een loonsanctie tot $3-$2-$1:"
                + " zolang die loopt, geen beëindiging met een vaststellingsovereenkomst");
        rule("the contract already ends on (\\d{4})-(\\d{2})-(\\d{2}), before the agreed day",
                "het contract eindigt al op $3-$2-$1, voor de afgesproken dag");
        rule("a vaststellingsovereenkomst ends the employment on (\\d{4})-(\\d{2})-(\\d{2}).*",
                "een vaststellingsovereenkomst beëindigt het dienstverband op $3-$2-$1; leg een gecorrigeerde"
                        + " overeenkomst vast in plaats van de einddatum te wijzigen");
        rule("the case is (\\w+); (?:measures for non-cooperation|a vaststellingsovereenkomst) (?:are|is) recorded"
                + " on a running case", "de zaak loopt niet meer ($1); dit wordt alleen bij een lopende zaak vastgelegd");
        rule("must not be after the end of the waiting period (\\d{4})-(\\d{2})-(\\d{2}): the case ends then, not by"
                + " the agreement", "mag niet na het einde van de wachttijd ($3-$2-$1) liggen: dan eindigt de zaak"
                + " met de wachttijd, niet door de overeenkomst");
        rule("must not be after the end of the waiting period (\\d{4})-(\\d{2})-(\\d{2}): the werkgever's"
                + " obligations end then", "mag niet na het einde van de wachttijd ($3-$2-$1) liggen: dan eindigen de"
                + " verplichtingen van de werkgever");
        // Spoor 2 whenever it is due (POST /api/cases/{id}/spoor2)
        rule("a spoor 2 trajectory already runs in this case;.*", "in deze zaak loopt al een spoor 2-traject; een"
                + " nieuw traject start alleen als herstart (HERSTART), die het lopende eerst beëindigt");
        rule("a spoor 2 trajectory already ran in this case;.*", "in deze zaak liep al een spoor 2-traject; een nieuw"
                + " traject is een herstart (HERSTART)");
        rule("no spoor 2 trajectory ran in this case yet;.*", "in deze zaak liep nog geen spoor 2-traject; een herstart"
                + " volgt op een traject (start het eerste als VROEG of na de eerstejaarsevaluatie)");
        rule("the eerstejaarsevaluatie was held on (\\S+) and decided on spoor 2;.*", "de eerstejaarsevaluatie is op $1"
                + " gehouden en besliste over spoor 2; spoor 2 start nu via de taken van de eerstejaarsevaluatie");
        rule("the case is (\\w+); spoor 2 starts in a running case",
                "de zaak loopt niet meer ($1); spoor 2 start alleen in een lopende zaak");
        rule("only the werkgever restarts spoor 2", "alleen de werkgever start spoor 2 opnieuw");
        rule("only the werkgever of the case chooses who runs spoor 2",
                "alleen de werkgever van de zaak kiest wie spoor 2 uitvoert");
        rule("must be (\\d+) to (\\d+) characters, in functional terms .*",
                "moet $1 tot $2 tekens lang zijn, in functionele termen (geen diagnose, klachten of behandeling)");
        rule("is required: why spoor 2 starts now", "is verplicht: waarom spoor 2 nu start");
        rule("is required: true when return to the own employer hinders recovery .*",
                "is verplicht: ja als terugkeer naar de eigen werkgever het herstel belemmert (situatieve"
                        + " arbeidsongeschiktheid), anders nee");
        rule("is required: bedrijfsarts or arbeidsdeskundige", "is verplicht: bedrijfsarts of arbeidsdeskundige");
        rule("must be bedrijfsarts or arbeidsdeskundige: .*", "moet bedrijfsarts of arbeidsdeskundige zijn: zij"
                + " concluderen dat het eigen werk niet terugkomt");
        rule("must be your own role \\((.+)\\): you record your own conclusion",
                "moet uw eigen rol zijn ($1): u legt uw eigen conclusie vast");
        rule("is required: bureau or werkgever", "is verplicht: een re-integratiebureau of de werkgever zelf");
        rule("must be bureau or werkgever", "moet een re-integratiebureau of de werkgever zelf zijn");
        rule("is required: the re-integratiebureau that runs spoor 2",
                "is verplicht: het re-integratiebureau dat spoor 2 uitvoert");
        rule("must be left out when the werkgever runs spoor 2 himself",
                "blijft leeg als de werkgever spoor 2 zelf uitvoert");
        rule("is required: VROEG or HERSTART", "is verplicht: eerder inzetten (VROEG) of opnieuw starten (HERSTART)");
        rule("spoor 2 is started by the werkgever, or early by the bedrijfsarts or arbeidsdeskundige of the case",
                "spoor 2 wordt gestart door de werkgever, of eerder door de bedrijfsarts of arbeidsdeskundige van de"
                        + " zaak");
        rule("is chosen by the werkgever, in the task 'Uitvoerder spoor 2 kiezen'",
                "wordt door de werkgever gekozen, in de taak 'Uitvoerder spoor 2 kiezen'");
        rule("must be VROEG or HERSTART;.*", "moet VROEG of HERSTART zijn; na de eerstejaarsevaluatie start spoor 2"
                + " via de eigen taken");
        rule("must be a re-integratiebureau serving employer '(.+)'",
                "moet een re-integratiebureau zijn dat werkgever '$1' bedient");
        rule("the running spoor 2 trajectory runs on a model version that the platform cannot end;.*",
                "het lopende spoor 2-traject draait op een modelversie die het platform niet kan beëindigen; de"
                        + " procesbeheerder migreert het eerst");
        // spoor 2 as it happens (issue 26)
        rule("no spoor 2 trajectory runs in this case: .*", "in deze zaak loopt geen spoor 2-traject; dit wordt"
                + " alleen vastgelegd zolang het loopt");
        rule("only the re-integratiebureau of this case's spoor 2 trajectory .*", "alleen het re-integratiebureau"
                + " van het spoor 2-traject van deze zaak mag dit vastleggen");
        rule("a re-integratiebureau runs this spoor 2 trajectory; .*", "een re-integratiebureau voert dit spoor"
                + " 2-traject uit; de werkgever legt dit alleen vast als hij spoor 2 zelf uitvoert");
        rule("a progress report of the trajectory is open.*", "er staat een voortgangsrapportage open: meld de"
                + " gevonden baan daarin (vervolg: passende functie gevonden); de toetsing start dan direct");
        rule("a placement of this trajectory is being checked.*", "de bedrijfsarts toetst nu al een plaatsing van"
                + " dit traject; meld een andere plaatsing na die toetsing");
        rule("the trajectory is not searching for work now.*", "het traject zoekt nu geen werk (intake, plan of een"
                + " lopende plaatsing); meld een plaatsing zodra het plan is vastgesteld en geen andere plaatsing loopt");
        rule("only the employee himself refuses an offer.*", "alleen de werknemer zelf weigert een aanbod als niet"
                + " passend");
        rule("placements are reported by the employee himself.*", "een plaatsing melden de werknemer zelf, het"
                + " re-integratiebureau van zijn traject of de werkgever die spoor 2 zelf uitvoert");
        rule("spoor 2 activities are recorded by .*", "spoor 2-activiteiten legt het re-integratiebureau van het"
                + " traject vast, of de werkgever die spoor 2 zelf uitvoert");
        rule("must be on or before (\\d{4})-(\\d{2})-(\\d{2}), the end of the waiting period: a placement in spoor 2"
                + " starts within it", "mag niet na $3-$2-$1 liggen, het einde van de wachttijd: een plaatsing in"
                + " spoor 2 begint daarvoor");
        // opbouw in own work and spoor 1 changes (ownwork/, issue 26)
        rule("is required: at least one period", "is verplicht: ten minste één periode");
        rule("must have at most (\\d+) periods", "mag hoogstens $1 perioden hebben");
        rule("is required: the day of the bedrijfsarts's advice the schedule follows",
                "is verplicht (de datum van het advies van de bedrijfsarts)");
        rule("is required: the first day of the period", "is verplicht (de eerste dag van de periode)");
        rule("is required: the last day of the period", "is verplicht (de laatste dag van de periode)");
        rule("must not be after the end of the waiting period (\\d{4})-(\\d{2})-(\\d{2})",
                "mag niet na het einde van de wachttijd ($3-$2-$1) liggen");
        rule("must be after periods\\[\\d+\\]\\.from \\((\\d{4})-(\\d{2})-(\\d{2})\\)",
                "moet na de eerste dag van de periode ($3-$2-$1) liggen");
        rule("(?:leaves a gap|overlaps): must be the day after periods\\[\\d+\\]\\.to, (\\d{4})-(\\d{2})-(\\d{2}) .*",
                "moet de dag na het einde van de vorige periode zijn ($3-$2-$1): de perioden sluiten zonder gat of"
                        + " overlap op elkaar aan");
        rule("must be from 0 to ([\\d.]+) \\(the contract hours per week\\)",
                "moet 0 tot en met $1 uur zijn (de contracturen per week)");
        rule("must be from 0 to ([\\d.]+) \\(the most hours per week when the contract hours are not recorded\\)",
                "moet 0 tot en met $1 uur zijn (het maximum per week zolang de contracturen niet zijn vastgelegd)");
        rule("is required: the tasks of this period, in functional terms .*",
                "is verplicht: de taken van deze periode, in functionele termen (geen diagnose, klachten of"
                        + " behandeling)");
        rule("is required: the hours worked in that week", "is verplicht: de gewerkte uren in die week");
        rule("is required: an ISO week .*", "is verplicht: een week");
        rule("must be an ISO week .*", "moet een week zijn (bijvoorbeeld 2025-W14) of een datum");
        rule("must not be a week that has not started \\(today is (\\d{4})-(\\d{2})-(\\d{2})\\)",
                "mag geen week zijn die nog niet is begonnen (vandaag is $3-$2-$1)");
        rule("must lie within the opbouwschema, (\\d{4})-(\\d{2})-(\\d{2}) to (\\d{4})-(\\d{2})-(\\d{2})",
                "moet binnen het opbouwschema liggen ($3-$2-$1 t/m $6-$5-$4)");
        rule("the case has no opbouwschema; .*", "de zaak heeft nog geen opbouwschema; de werkgever legt dat eerst"
                + " vast");
        rule("the case is (\\w+); (?:an opbouwschema is set|spoor 1 is re-checked) on a running case",
                "de zaak loopt niet meer ($1); dit wordt alleen bij een lopende zaak vastgelegd");
        rule("only the werkgever of employer '(.+)' sets the opbouwschema.*",
                "alleen de werkgever van '$1' stelt het opbouwschema vast, op advies van de bedrijfsarts");
        rule("hours worked are recorded by the werkgever of employer '(.+)' or the employee himself",
                "de gewerkte uren legt de werkgever van '$1' of de werknemer zelf vast");
        rule("changes for spoor 1 are reported by .*", "wijzigingen voor spoor 1 meldt de werkgever (een gewijzigde"
                + " belastbaarheid ook de bedrijfsarts)");
        rule("the bedrijfsarts reports a changed belastbaarheid only;.*", "de bedrijfsarts meldt alleen een"
                + " gewijzigde belastbaarheid; wijzigingen in de organisatie en vacatures meldt de werkgever");
        rule("is required: BELASTBAARHEID, ORGANISATIE or VACATURE", "is verplicht: kies wat er veranderde");
        rule("is required: what changed, in functional terms .*", "is verplicht: wat er veranderde, in functionele"
                + " termen (geen diagnose, klachten of behandeling)");
        rule("must be (\\d+) to (\\d+) characters, in functional terms .*", "moet $1 tot $2 tekens lang zijn, in"
                + " functionele termen (geen diagnose, klachten of behandeling)");
        rule("is required: the day it changed", "is verplicht (de datum van de wijziging)");
        rule("this case runs on a model version without the spoor 1 re-check.*", "deze zaak loopt op een"
                + " modelversie zonder herbeoordeling van spoor 1; de procesbeheerder migreert haar eerst");
        // issue 26, review findings
        rule("must have at most 2 decimals", "mag hoogstens 2 decimalen hebben");
        rule("a start of spoor 2 waits for the werkgever's choice of who runs it.*", "een start van spoor 2 wacht"
                + " op de keuze van de werkgever wie het traject uitvoert (taak 'Uitvoerder spoor 2 kiezen'); geen"
                + " tweede start");
        rule("more than one spoor 2 trajectory runs in this case.*", "in deze zaak lopen meer dan één spoor"
                + " 2-trajecten; de procesbeheerder beëindigt het traject dat niet hoort te lopen");
        // the overview (issue 27): its filters and who may see which figure; the page shows these texts
        rule("only the employers you work for|only an employer whose cases you may see",
                "alleen een werkgever waarvoor u werkt; kies een werkgever uit de lijst");
        rule("the overview is for the werkgever and management",
                "het overzicht is er voor de werkgever (eigen zaken) en management (alleen aantallen)");
        rule("deadline figures are for the werkgever and management",
                "de cijfers over termijnen zijn er voor de werkgever en management");
        rule("the list of deadlines is for the werkgever", "de lijst met termijnen is er alleen voor de werkgever");
        rule("your role sees no list of cases at risk;.*", "uw rol ziet geen lijst met zaken met een risico op een"
                + " loonsanctie; management ziet alleen de aantallen per risico");
        rule("your role sees no figures over all cases", "uw rol ziet geen cijfers over alle zaken");
        rule("one of (ZIEKMELDING, .+)", "moet een fase uit de lijst zijn");
        rule("one of werkgever, arbodienst, bureau, werknemer",
                "moet een van deze partijen zijn: werkgever, arbodienst, bureau, werknemer");
        rule("a role such as werkgever, bedrijfsarts or re-integratiebureau",
                "moet een rol uit de lijst zijn, zoals werkgever, bedrijfsarts of re-integratiebureau");
        rule("json \\(the default\\) or csv", "moet json (standaard) of csv zijn");
        rule("a whole number from 1 to (\\d+)", "moet een heel getal van 1 tot en met $1 zijn");
        rule("unknown employee '(.+)'", "noemt een onbekende werknemer ('$1')");
        rule("unknown employer '(.+)'", "noemt een onbekende werkgever ('$1')");
    }

    private DutchProblems() {
    }

    private static void rule(String english, String dutch) {
        RULES.put(Pattern.compile(english), dutch);
    }

    /** True when the client's first choice of language ({@code Accept-Language}) is Dutch. */
    public static boolean asked(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            return !ranges.isEmpty() && ranges.get(0).getRange().toLowerCase(Locale.ROOT).matches("nl(-.*)?");
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** The problem in Dutch when the client asks for it, else unchanged. */
    public static Problem forLanguage(Problem problem, String acceptLanguage) {
        return asked(acceptLanguage) ? of(problem) : problem;
    }

    /** The same problem (status, type, fields, correlation id) with a Dutch title and detail. */
    public static Problem of(Problem problem) {
        String detail;
        if (!problem.violations().isEmpty()) {
            detail = String.join(" ", problem.violations().stream().map(DutchProblems::sentence).toList());
        } else if (problem.correlationId() != null) {
            detail = "De server kon het verzoek niet afmaken. Noem kenmerk " + problem.correlationId()
                    + " als u dit meldt.";
        } else if (DETAILS.containsKey(problem.detail())) {
            detail = DETAILS.get(problem.detail());
        } else {
            // A text of Camunda's or Spring's (already cleaned of internals): our sentence, theirs as a note.
            detail = generalDetail(problem.status()) + " (Technische melding: " + problem.detail() + ")";
        }
        // Each violation's rule in Dutch too: the case screen shows it at its field. The field name stays.
        List<Violation> violations = problem.violations().stream()
                .map(violation -> new Violation(violation.field(), rule(violation.rule()))).toList();
        return new Problem(problem.status(), titleOf(problem.status()), SafeText.shorten(detail), violations,
                problem.correlationId());
    }

    /** "Het veld eersteZiektedag is verplicht." */
    static String sentence(Violation violation) {
        return "Het veld " + violation.field() + " " + rule(violation.rule()) + ".";
    }

    static String rule(String english) {
        for (Map.Entry<Pattern, String> rule : RULES.entrySet()) {
            Matcher matcher = rule.getKey().matcher(english);
            if (matcher.matches()) {
                return matcher.replaceFirst(rule.getValue());
            }
        }
        return english; // a rule without Dutch wording yet (see the class comment)
    }

    private static String generalDetail(int status) {
        return switch (status) {
            case 400 -> "Het verzoek is niet geldig.";
            case 403 -> "U mag dit niet doen.";
            case 404 -> DETAILS.get(Problem.NOT_FOUND_DETAIL);
            case 409 -> "Dit botst met de huidige stand van de zaak.";
            default -> "Het verzoek kon niet worden uitgevoerd.";
        };
    }

    public static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Ongeldige invoer";
            case 401 -> "Niet ingelogd";
            case 403 -> "Geen toegang";
            case 404 -> "Niet gevonden";
            case 405 -> "Methode niet toegestaan";
            case 406 -> "Formaat niet beschikbaar";
            case 409 -> "Conflict";
            case 413 -> "Te groot";
            case 415 -> "Soort inhoud niet ondersteund";
            case 429 -> "Te veel verzoeken";
            case 503 -> "Tijdelijk niet beschikbaar";
            default -> status >= 500 ? "Serverfout" : "Fout in het verzoek";
        };
    }
}
