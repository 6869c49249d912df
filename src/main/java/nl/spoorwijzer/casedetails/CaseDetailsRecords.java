package nl.spoorwijzer.casedetails;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import nl.spoorwijzer.casedetails.CaseDetailsRepository.EmployerProfile;
import nl.spoorwijzer.casedetails.CaseDetailsRepository.Stored;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.identity.Organisations;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.CaseDossier;
import nl.spoorwijzer.system.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The art. 6 lid 1 data of a case: read by everyone who may read the case's contents, recorded and changed by the
 * werkgever of the case's employer (or the administrator). A change is checked whole, stored with the employer's
 * shared part (so the employer's next case starts filled in) and recorded in the dossier — who, when, which fields
 * from what to what — in one transaction.
 */
@Service
public class CaseDetailsRecords {

    private final CaseDetailsRepository repository;
    private final CaseAccess access;
    private final CaseDossier dossier;
    private final Organisations organisations;
    private final DirectoryNames names;
    private final Clock clock;

    public CaseDetailsRecords(CaseDetailsRepository repository, CaseAccess access, CaseDossier dossier,
                              Organisations organisations, DirectoryNames names, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.dossier = dossier;
        this.organisations = organisations;
        this.names = names;
        this.clock = clock;
    }

    /** The case's details: as recorded, otherwise prefilled with what its employer shares with its other cases. */
    public CaseDetails of(CaseFile file) {
        return withShared(repository.find(file.caseId()).map(Stored::details).orElse(null), file.employerId());
    }

    /** The recorded details, with what the employer shares where the case has none of its own. */
    private CaseDetails withShared(CaseDetails recorded, String employerId) {
        CaseDetails shared = prefilled(employerId);
        if (recorded == null) {
            return shared;
        }
        return new CaseDetails(recorded.employee(),
                recorded.employer() != null ? recorded.employer() : shared.employer(),
                recorded.occupationalHealth() != null ? recorded.occupationalHealth() : shared.occupationalHealth(),
                recorded.function(), recorded.skills(), recorded.hoursWorked());
    }

    public CaseDetailsView view(CaseFile file) {
        Stored<CaseDetails> stored = repository.find(file.caseId()).orElse(null);
        CaseDetails details = withShared(stored == null ? null : stored.details(), file.employerId());
        List<CaseDetailsView.Missing> missing = Arrays.stream(Art6Part.values())
                .flatMap(part -> DetailField.missing(part, details).stream())
                .map(field -> new CaseDetailsView.Missing(field.part().name(), field.path(), field.label())).toList();
        Map<String, String> labels = new LinkedHashMap<>();
        for (DetailField field : DetailField.values()) {
            labels.put(field.path(), field.formLabel());
        }
        labels.put(DetailField.HOURS_WORKED_PATH, DetailField.HOURS_WORKED_LABEL);
        return new CaseDetailsView(file.caseId(), names.person(file.employeeId()), names.employer(file.employerId()),
                details, stored != null, stored == null ? null : stored.updatedBy(),
                stored == null ? null : stored.updatedAt(), missing, labels);
    }

    /** Records the werkgever's new details of the case (a PUT: the whole document). */
    @Transactional
    public void change(CaseFile file, CaseDetails requested) {
        if (!access.mayReportFor(file.employerId(), Role.WERKGEVER)) {
            throw RuleViolationException.notAllowed("caseId", "only the werkgever of employer '" + file.employerId()
                    + "' records the details of its cases");
        }
        CaseDetails checked = CaseDetailsRules.check(requested, file.firstSickDay(), LocalDate.now(clock));
        repository.lockCase(file.caseId());
        Stored<CaseDetails> before = repository.find(file.caseId()).orElse(null);
        store(file.caseId(), file.processInstanceId(), file.employerId(), before == null ? null : before.details(),
                checked);
    }

    /** Checks details given with a sick report, before anything of the case is written. */
    public CaseDetails checkAtIntake(CaseDetails requested, LocalDate firstSickDay) {
        return CaseDetailsRules.check(requested, firstSickDay, LocalDate.now(clock));
    }

    /** Records the checked details of a case the sick report just opened, in the intake's transaction. */
    public void recordAtIntake(String caseId, String processInstanceId, String employerId, CaseDetails checked) {
        store(caseId, processInstanceId, employerId, null, checked);
    }

    private void store(String caseId, String processInstanceId, String employerId, CaseDetails before,
                       CaseDetails after) {
        List<Map<String, Object>> changes = changes(before, after);
        if (before != null && changes.isEmpty()) {
            return; // the same details again: nothing happened
        }
        String by = access.callerId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        repository.save(caseId, employerId, after, by, now);
        if (after.employer() != null || after.occupationalHealth() != null) {
            EmployerProfile shared = repository.employerProfile(employerId).orElse(new EmployerProfile(null, null));
            repository.saveEmployerProfile(employerId, new EmployerProfile(
                    after.employer() != null ? after.employer() : shared.employer(),
                    after.occupationalHealth() != null ? after.occupationalHealth() : shared.occupationalHealth()),
                    by, now);
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("wijzigingen", changes);
        String subject = before == null ? "Gegevens voor het re-integratieverslag vastgelegd"
                : "Gegevens voor het re-integratieverslag gewijzigd: " + changes.stream()
                        .map(change -> change.get("label").toString()).collect(Collectors.joining(", "));
        dossier.recordForCase(caseId, processInstanceId, employerId, DossierEntryType.CASE_DETAILS_CHANGED, subject,
                content);
    }

    /** Every field whose value changed: its name, Dutch label, the value before and after. */
    static List<Map<String, Object>> changes(CaseDetails before, CaseDetails after) {
        List<Map<String, Object>> changes = new ArrayList<>();
        for (DetailField field : DetailField.values()) {
            Object was = field.valueIn(before);
            Object now = field.valueIn(after);
            if (!same(was, now)) {
                changes.add(change(field.path(), field.label(), was, now));
            }
        }
        String hoursBefore = hours(before);
        String hoursAfter = hours(after);
        if (!Objects.equals(hoursBefore, hoursAfter)) {
            changes.add(change(DetailField.HOURS_WORKED_PATH, DetailField.HOURS_WORKED_LABEL, hoursBefore,
                    hoursAfter));
        }
        return changes;
    }

    private static boolean same(Object was, Object now) {
        if (was instanceof BigDecimal a && now instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        return Objects.equals(was == null ? null : was.toString(), now == null ? null : now.toString());
    }

    private static Map<String, Object> change(String field, String label, Object was, Object now) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("veld", field);
        change.put("label", label);
        change.put("was", was == null ? null : was.toString());
        change.put("wordt", now == null ? null : now.toString());
        return change;
    }

    /** The periods as one line, e.g. "2026-03-02 t/m 2026-04-30: 16 uur per week". */
    private static String hours(CaseDetails details) {
        if (details == null || details.hoursWorked() == null || details.hoursWorked().isEmpty()) {
            return null;
        }
        return details.hoursWorked().stream().map(period -> period.from() + " t/m "
                + (period.to() == null ? "heden" : period.to()) + ": " + period.hoursPerWeek().toPlainString()
                + " uur per week").collect(Collectors.joining("; "));
    }

    private CaseDetails prefilled(String employerId) {
        EmployerProfile shared = repository.employerProfile(employerId).orElse(null);
        CaseDetails.OccupationalHealth health = shared == null ? null : shared.occupationalHealth();
        if (health == null) {
            String arbodienst = access.asDirectory(() -> organisations.contracted(Role.BEDRIJFSARTS, employerId)
                    .map(names::group).orElse(null));
            health = arbodienst == null ? null : new CaseDetails.OccupationalHealth(arbodienst, null, null);
        }
        return new CaseDetails(null, shared == null ? null : shared.employer(), health, null, null, null);
    }
}
