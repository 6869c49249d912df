package nl.spoorwijzer.signals;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import nl.spoorwijzer.identity.DisplayNames;
import nl.spoorwijzer.identity.Role;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The Dutch text of every signal. Deliberately short on content: the step's name, the case id, the due date, whose
 * step it is and the links — nothing from a form, and not the employee's name (a mail is forwarded, read on a phone,
 * kept in a mailbox; who the case is about is one click away, behind the login).
 */
@Component
class SignalMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));
    static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";

    private final MailSettings settings;

    SignalMails(MailSettings settings) {
        this.settings = settings;
    }

    record Mail(String subject, String body) {
    }

    /** The one line that stands for the signal in a digest, and the subject of its single mail. */
    String line(Signal signal) {
        String step = signal.taskName();
        String due = signal.dueDate() == null ? "" : LocalDate.parse(signal.dueDate()).format(DAY);
        return switch (signal.kind()) {
            case NEW_TASK -> "Nieuwe taak: " + step + " (zaak " + signal.caseId() + "), uiterlijk " + due;
            case FOLLOW_UP -> "Herinnering: " + step + " (zaak " + signal.caseId() + ") moet uiterlijk " + due
                    + " klaar zijn";
            case DEADLINE_PASSED -> "Termijn verstreken: " + step + " (zaak " + signal.caseId() + "), uiterlijk was "
                    + due;
            case MISS_FOR_EMPLOYER -> "Termijn gemist door " + partyName(signal.party()) + ": " + step + " (zaak "
                    + signal.caseId() + "), uiterlijk was " + due;
            case DIGEST -> "Spoorwijzer: uw meldingen van " + due;
        };
    }

    Mail single(Signal signal, User to) {
        StringBuilder body = new StringBuilder(greeting(to));
        body.append(switch (signal.kind()) {
            case NEW_TASK -> "Er staat een nieuwe taak voor u klaar in Spoorwijzer.";
            case FOLLOW_UP -> "De termijn van deze taak loopt binnenkort af.";
            case DEADLINE_PASSED -> "De wettelijke termijn van deze taak is verstreken terwijl de taak nog openstaat."
                    + " Rond de taak zo snel mogelijk af; het gemiste moment staat in het re-integratiedossier.";
            case MISS_FOR_EMPLOYER -> "In een zaak van uw organisatie is een termijn verstreken van "
                    + partyName(signal.party()) + ". Het gemiste moment staat in het re-integratiedossier;"
                    + " UWV kijkt daarnaar bij de toets van het re-integratieverslag.";
            case DIGEST -> throw new IllegalArgumentException("a digest is not a single mail");
        }).append("\n\n");
        body.append("Taak: ").append(signal.taskName()).append('\n');
        body.append("Zaak: ").append(signal.caseId()).append('\n');
        if (signal.dueDate() != null) {
            body.append("Uiterlijk: ").append(LocalDate.parse(signal.dueDate()).format(DAY)).append('\n');
        }
        body.append('\n');
        if (signal.kind() != SignalKind.MISS_FOR_EMPLOYER && signal.taskId() != null) {
            body.append("Open de taak: ").append(settings.baseUrl()).append(TASKLIST).append(signal.taskId())
                    .append('\n');
        }
        body.append("Open de zaak: ").append(caseLink(signal.caseId())).append('\n');
        return new Mail(line(signal), body.append(footer()).toString());
    }

    Mail digest(Signal digest, User to, List<String> lines) {
        StringBuilder body = new StringBuilder(greeting(to));
        body.append("Dit zijn uw meldingen uit Spoorwijzer sinds het vorige overzicht:\n\n");
        lines.forEach(line -> body.append("- ").append(line).append('\n'));
        body.append("\nUw taken staan in Tasklist: ").append(settings.baseUrl()).append("/camunda/app/tasklist/default/")
                .append('\n');
        body.append("Uw zaken: ").append(settings.baseUrl()).append("/zaken\n");
        return new Mail(line(digest) + " (" + lines.size() + ")", body.append(footer()).toString());
    }

    private String caseLink(String caseId) {
        return settings.baseUrl() + "/zaken/" + caseId;
    }

    private static String greeting(User to) {
        return "Beste " + DisplayNames.of(to) + ",\n\n";
    }

    private static String footer() {
        return "\nDeze e-mail bevat bewust geen medische gegevens en geen inhoud van het dossier; die leest u na"
                + " inloggen in Spoorwijzer.\nLiever één overzicht per dag dan losse e-mails? Dat stelt u in Spoorwijzer"
                + " in bij uw meldingen.\n";
    }

    private static String partyName(String role) {
        Role party = role == null ? null : Role.ofGroup(role.split(",")[0]).orElse(null);
        if (party == null) {
            return "een betrokken partij";
        }
        String article = party == Role.RE_INTEGRATIEBUREAU ? "het " : "de ";
        return article + party.label().toLowerCase(Locale.ROOT);
    }
}
