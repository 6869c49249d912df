package nl.spoorwijzer.cases;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.ImportableStep;
import nl.spoorwijzer.process.RunningCaseImport.FinalPhase;
import nl.spoorwijzer.process.RunningCaseImport.TakenStep;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.system.Violation;

/**
 * Checks the steps of an imported running case before anything is written: each must be a known step with a date
 * between the first sick day and today and a role that takes that step, none twice (an evaluation may recur on
 * other days), and together they must tell a possible story — a plan van aanpak is based on a probleemanalyse made
 * on or before it, an evaluation follows the plan, spoor 2 follows the eerstejaarsevaluatie in this process, and the
 * actueel oordeel and eindevaluatie belong to the final phase: not before it starts nor before the eerstejaarsevaluatie.
 * Every violation is reported at once, each naming its field ({@code steps[2].date}) and the rule.
 */
final class ImportedSteps {

    static final int MAX_STEPS = 50;
    static final int MAX_DOCUMENT_LENGTH = 500;

    private ImportedSteps() {
    }

    static List<TakenStep> check(List<IntakeRequest.StepTaken> steps, LocalDate firstSickDay, LocalDate today,
                                 FinalPhase finalPhase) {
        if (steps.size() > MAX_STEPS) {
            throw RuleViolationException.invalid("steps", "at most " + MAX_STEPS + " steps can be imported per case");
        }
        List<Violation> violations = new ArrayList<>();
        List<TakenStep> taken = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            String field = "steps[" + i + "]";
            IntakeRequest.StepTaken given = steps.get(i);
            if (given == null) {
                violations.add(new Violation(field, "is required"));
                continue;
            }
            Optional<ImportableStep> step = given.step() == null ? Optional.empty()
                    : ImportableStep.ofKey(given.step().trim());
            if (step.isEmpty()) {
                violations.add(new Violation(field + ".step", given.step() == null || given.step().isBlank()
                        ? "is required: one of " + ImportableStep.keys()
                        : "unknown step: must be one of " + ImportableStep.keys()));
                continue;
            }
            LocalDate date = date(field + ".date", given.date(), firstSickDay, today, violations);
            Role role = role(field + ".role", given.role(), step.get(), violations);
            String document = given.document() == null || given.document().isBlank() ? null : given.document().trim();
            if (document != null && document.length() > MAX_DOCUMENT_LENGTH) {
                violations.add(new Violation(field + ".document", "must be at most " + MAX_DOCUMENT_LENGTH
                        + " characters"));
            }
            if (date == null || role == null) {
                continue;
            }
            String identity = step.get().repeatable() ? step.get().key() + "@" + date : step.get().key();
            if (!seen.add(identity)) {
                violations.add(new Violation(field + ".step", step.get().repeatable()
                        ? "'" + step.get().key() + "' on " + date + " is given twice"
                        : "'" + step.get().key() + "' is given twice: a case takes this step once"));
                continue;
            }
            taken.add(new TakenStep(step.get(), date, role, document));
            positions.add(i);
        }
        checkOrder(taken, positions, finalPhase, violations);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return taken;
    }

    /** The steps' dates and dependencies against each other. */
    private static void checkOrder(List<TakenStep> taken, List<Integer> positions, FinalPhase finalPhase,
                                   List<Violation> violations) {
        Map<ImportableStep, LocalDate> first = new EnumMap<>(ImportableStep.class);
        for (TakenStep step : taken) {
            first.merge(step.step(), step.date(), (a, b) -> a.isBefore(b) ? a : b);
        }
        for (int i = 0; i < taken.size(); i++) {
            TakenStep step = taken.get(i);
            String field = "steps[" + positions.get(i) + "]";
            Optional<ImportableStep> basis = step.step().basedOn();
            if (basis.isPresent() && !first.containsKey(basis.get())) {
                violations.add(new Violation(field + ".step", "'" + step.step().key() + "' needs '"
                        + basis.get().key() + "' too: " + whyBasedOn(step.step())));
            } else if (basis.isPresent() && basis.get() != ImportableStep.EERSTEJAARSEVALUATIE
                    && step.date().isBefore(first.get(basis.get()))) {
                violations.add(new Violation(field + ".date", "'" + step.step().key() + "' on " + step.date()
                        + " comes before the '" + basis.get().key() + "' of " + first.get(basis.get()) + " it is"
                        + " based on"));
            }
            LocalDate reported = first.get(ImportableStep.ZIEKMELDING_BEDRIJFSARTS);
            if (step.step() == ImportableStep.PROBLEEMANALYSE && reported != null
                    && step.date().isBefore(reported)) {
                violations.add(new Violation(field + ".date", "the probleemanalyse on " + step.date()
                        + " comes before the sick report reached the bedrijfsarts (" + reported + ")"));
            }
            if (step.step() == ImportableStep.ACTUEEL_OORDEEL || step.step() == ImportableStep.EINDEVALUATIE) {
                checkFinalPhase(field, step, finalPhase, first.get(ImportableStep.EERSTEJAARSEVALUATIE), violations);
            }
        }
    }

    /** The actueel oordeel and the eindevaluatie are the final phase's: they cannot precede it or the first year. */
    private static void checkFinalPhase(String field, TakenStep step, FinalPhase finalPhase, LocalDate eje,
                                        List<Violation> violations) {
        if (step.date().isBefore(finalPhase.start())) {
            violations.add(new Violation(field + ".date", "'" + step.step().key() + "' on " + step.date()
                    + " comes before the final phase of this case could start (" + finalPhase.start() + ", "
                    + finalPhase.weeksBefore() + " weeks before the WIA application deadline of "
                    + finalPhase.wiaApplicationDue() + ")"));
        } else if (eje != null && step.date().isBefore(eje)) {
            violations.add(new Violation(field + ".date", "'" + step.step().key() + "' on " + step.date()
                    + " comes before the eerstejaarsevaluatie of " + eje + ": the final phase follows it"));
        }
    }

    private static String whyBasedOn(ImportableStep step) {
        return switch (step) {
            case PLAN_VAN_AANPAK -> "the plan van aanpak is based on the probleemanalyse (Regeling procesgang"
                    + " art. 4 lid 1)";
            case EVALUATIE -> "an evaluation evaluates the plan van aanpak (Regeling procesgang art. 4 lid 2)";
            default -> "in this process spoor 2 is decided at the eerstejaarsevaluatie";
        };
    }

    private static LocalDate date(String field, String text, LocalDate firstSickDay, LocalDate today,
                                  List<Violation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(new Violation(field, "is required: the day the step was taken (YYYY-MM-DD)"));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "must be a date in ISO format YYYY-MM-DD"));
            return null;
        }
        if (date.isBefore(firstSickDay)) {
            violations.add(new Violation(field, "must not be before the first sick day (" + firstSickDay + ")"));
            return null;
        }
        if (date.isAfter(today)) {
            violations.add(new Violation(field, "must not be in the future (today is " + today + ")"));
            return null;
        }
        return date;
    }

    private static Role role(String field, String text, ImportableStep step, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            return step.roles().get(0);
        }
        Optional<Role> role = Role.ofGroup(text.trim()).filter(step.roles()::contains);
        if (role.isEmpty()) {
            violations.add(new Violation(field, "'" + step.key() + "' is taken by "
                    + step.roles().stream().map(Role::groupId).toList() + ", not by the role given"));
            return null;
        }
        return role.get();
    }
}
