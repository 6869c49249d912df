package nl.spoorwijzer.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.spoorwijzer.process.ProcessVariables;
import nl.spoorwijzer.system.Violation;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Every form in forms/ accepts a submission that follows its own rules, and refuses — naming the field — any
 * submission with a key it does not have or a value outside its rules, whatever the key or value.
 */
class SubmissionValidatorTest {

    private static final Path FORMS = Path.of("forms");
    private static final FormSchemaParser PARSER = new FormSchemaParser();
    private static final List<FormSchema> ALL_FORMS = readForms();
    private static final String START_FORM = "ziekmelding-registreren";

    private final SubmissionValidator validator = new SubmissionValidator();

    @Example
    void everyFormAcceptsASubmissionByItsOwnRules() {
        assertThat(ALL_FORMS).hasSizeGreaterThan(40);
        for (FormSchema form : ALL_FORMS) {
            Map<String, Object> valid = ValidSubmissions.of(form);
            assertThat(validator.validate(form, valid, ValidSubmissions.current(form),
                    form.id().equals(START_FORM) ? name -> false : this::platformOnly))
                    .as(form.id()).containsOnlyKeys(valid.keySet());
        }
    }

    @Property(tries = 300)
    void aKeyThatIsNotInTheFormIsRefused(@ForAll("forms") FormSchema form, @ForAll("foreignKeys") String key,
                                         @ForAll("anyValues") Object value) {
        Map<String, Object> submission = ValidSubmissions.of(form);
        if (form.fields().containsKey(key)) {
            return;
        }
        submission.put(key, value);
        assertThat(refusal(form, submission)).extracting(v -> v.field()).contains(key);
    }

    @Property(tries = 500)
    void aValueOutsideTheFieldsRulesIsRefused(@ForAll("invalidInputs") InvalidInput input) {
        Map<String, Object> submission = ValidSubmissions.of(input.form());
        submission.put(input.field().key(), input.value());
        assertThat(refusal(input.form(), submission)).extracting(v -> v.field()).contains(input.field().key());
    }

    @Property(tries = 200)
    void aMissingRequiredFieldIsRefused(@ForAll("requiredFields") FormAndField input) {
        Map<String, Object> submission = ValidSubmissions.of(input.form());
        submission.remove(input.field().key());
        assertThat(refusal(input.form(), submission))
                .anySatisfy(v -> assertThat(v.field()).isEqualTo(input.field().key()))
                .anySatisfy(v -> assertThat(v.rule()).isIn("is required", "must be checked"));
    }

    @Example
    void caseIdentityAndLegalDatesAreNeverATaskFieldAndCannotBeSubmitted() {
        FormSchema loonwaarde = form("loonwaarde-proefplaatsing-vastleggen");
        Map<String, Object> submission = ValidSubmissions.of(loonwaarde);
        submission.put("werknemerId", "bram");
        submission.put("werkgeverId", "zorggroep-noord");
        submission.put("eindeWachttijdDatum", "2099-12-31");
        assertThat(refusal(loonwaarde, submission)).extracting(v -> v.field())
                .contains("werknemerId", "werkgeverId", "eindeWachttijdDatum");
        for (FormSchema form : ALL_FORMS) {
            if (!form.id().equals(START_FORM)) {
                assertThat(form.fields().values()).as(form.id())
                        .noneMatch(f -> !f.readOnly() && ProcessVariables.isPlatformOnly(f.key()));
            }
        }
    }

    @Example
    void theExploitOfTheLoonwaardeTaskIsRefusedWithEveryBrokenRule() {
        FormSchema loonwaarde = form("loonwaarde-proefplaatsing-vastleggen");
        Map<String, Object> submission = new HashMap<>();
        submission.put("registratieSoort", "iets anders");
        submission.put("loonwaardePercentage", -500);
        submission.put("werknemerId", "bram");
        List<Violation> violations = refusal(loonwaarde, submission);
        assertThat(violations).extracting(v -> v.field())
                .contains("registratieSoort", "werknemerId");
    }

    @Example
    void aFieldHiddenByItsConditionIsNeitherRequiredNorAccepted() {
        FormSchema loonwaarde = form("loonwaarde-proefplaatsing-vastleggen");
        FormField hiddenForLoonwaarde = loonwaarde.fields().values().stream()
                .filter(f -> f.hideCondition() != null && f.hideCondition().contains("proefplaatsing"))
                .findFirst().orElseThrow();
        Map<String, Object> submission = ValidSubmissions.of(loonwaarde);
        submission.put("registratieSoort", "loonwaarde");
        ValidSubmissions.dropHidden(loonwaarde, submission);
        assertThat(submission).doesNotContainKey(hiddenForLoonwaarde.key());
        assertThat(validator.validate(loonwaarde, submission, Map.of(), this::platformOnly))
                .doesNotContainKey(hiddenForLoonwaarde.key());

        submission.put(hiddenForLoonwaarde.key(), ValidSubmissions.validValue(hiddenForLoonwaarde));
        assertThat(refusal(loonwaarde, submission)).extracting(v -> v.field())
                .containsExactly(hiddenForLoonwaarde.key());
    }

    @Example
    void aReadOnlyFieldMayRepeatItsValueButNotChangeIt() {
        FormSchema intake = form("intake-en-orientatie");
        FormField shown = intake.fields().values().stream().filter(FormField::readOnly).findFirst().orElseThrow();
        Map<String, Object> current = Map.of(shown.key(), "Kan niet lang staan.");
        Map<String, Object> submission = ValidSubmissions.of(intake);
        submission.put(shown.key(), "Kan niet lang staan.");
        assertThat(validator.validate(intake, submission, current, this::platformOnly))
                .doesNotContainKey(shown.key());
        submission.put(shown.key(), "Geen beperkingen.");
        assertThatThrownBy(() -> validator.validate(intake, submission, current, this::platformOnly))
                .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining(shown.key() + ": is read-only");
    }

    @Example
    void typedValuesAsRestAndTasklistSendThemAreChecked() {
        FormSchema loonwaarde = form("loonwaarde-proefplaatsing-vastleggen");
        FormField percentage = loonwaarde.fields().get("loonwaardePercentage");
        Map<String, Object> submission = ValidSubmissions.of(loonwaarde);
        submission.put("registratieSoort", Variables.stringValue("loonwaarde"));
        submission.put(percentage.key(), Variables.integerValue(percentage.max().intValue() + 1));
        assertThat(refusal(loonwaarde, submission)).extracting(v -> v.field()).containsExactly(percentage.key());
        submission.put(percentage.key(), Variables.untypedValue(percentage.max().intValue()));
        assertThat(validator.validate(loonwaarde, submission, Map.of(), this::platformOnly))
                .containsKey(percentage.key());
    }

    private List<Violation> refusal(FormSchema form, Map<String, Object> submission) {
        InvalidSubmissionException refused = catchThrowableOfType(InvalidSubmissionException.class,
                () -> validator.validate(form, submission, ValidSubmissions.current(form), this::platformOnly));
        assertThat(refused).as("refusal of %s in %s", submission, form.id()).isNotNull();
        return refused.violations();
    }

    private boolean platformOnly(String name) {
        return ProcessVariables.isPlatformOnly(name);
    }

    // ---- generators ----

    @Provide
    Arbitrary<FormSchema> forms() {
        return Arbitraries.of(ALL_FORMS.stream().filter(f -> !f.id().equals(START_FORM)).toList());
    }

    @Provide
    Arbitrary<String> foreignKeys() {
        Arbitrary<String> known = Arbitraries.of("werknemerId", "werkgeverId", "eersteZiektedag",
                "eindeWachttijdDatum", "probleemanalyseDue", "tenantId", "__proto__", "", " ", "a.b", "${x}");
        Arbitrary<String> random = Arbitraries.strings().ofMinLength(1).ofMaxLength(40);
        return Arbitraries.oneOf(known, random);
    }

    @Provide
    Arbitrary<Object> anyValues() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(50).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
    }

    record FormAndField(FormSchema form, FormField field) {
    }

    record InvalidInput(FormSchema form, FormField field, Object value) {
        @Override
        public String toString() {
            String shown = String.valueOf(value);
            return form.id() + "." + field.key() + " = "
                    + (shown.length() > 60 ? shown.substring(0, 60) + "…" : shown);
        }
    }

    @Provide
    Arbitrary<FormAndField> requiredFields() {
        List<FormAndField> required = ALL_FORMS.stream().flatMap(form -> visibleInputs(form)
                .filter(FormField::required).map(field -> new FormAndField(form, field))).toList();
        return Arbitraries.of(required);
    }

    @Provide
    Arbitrary<InvalidInput> invalidInputs() {
        List<FormAndField> inputs = ALL_FORMS.stream().flatMap(form -> visibleInputs(form)
                .map(field -> new FormAndField(form, field))).toList();
        return Arbitraries.of(inputs).flatMap(target -> InvalidValues.of(target.field())
                .map(value -> new InvalidInput(target.form(), target.field(), value)));
    }

    /** Input fields shown for the valid submission (a hidden field takes no value at all). */
    private static Stream<FormField> visibleInputs(FormSchema form) {
        Map<String, Object> valid = ValidSubmissions.of(form);
        return form.fields().values().stream()
                .filter(f -> FormField.INPUT_TYPES.contains(f.type()) && !f.readOnly() && valid.containsKey(f.key()));
    }

    private static FormSchema form(String id) {
        return ALL_FORMS.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<FormSchema> readForms() {
        try (Stream<Path> files = Files.list(FORMS)) {
            return files.filter(p -> p.toString().endsWith(".form")).sorted().map(p -> {
                try {
                    return PARSER.parse(Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Values that break one rule of a field: wrong type, too long, out of range, not an option, malformed. */
    static final class InvalidValues {

        static Arbitrary<Object> of(FormField field) {
            Arbitrary<Object> wrongType = switch (field.type()) {
                case "checkbox" -> Arbitraries.of("true", 1, "ja").map(v -> (Object) v);
                case "number" -> Arbitraries.of("12", true, List.of(1)).map(v -> (Object) v);
                default -> Arbitraries.of(17, true, 3.5, List.of("x")).map(v -> (Object) v);
            };
            Arbitrary<Object> outOfRules = switch (field.type()) {
                case "textfield", "textarea" -> {
                    int max = field.maxLength() == null ? ProcessVariables.MAX_TEXT_LENGTH
                            : Math.min(field.maxLength(), ProcessVariables.MAX_TEXT_LENGTH);
                    yield Arbitraries.integers().between(max + 1, max + 100_000)
                            .map(n -> (Object) "x".repeat(n));
                }
                case "number" -> numberOutOfRange(field);
                case "datetime" -> Arbitraries.of("03/12/2026", "2026-13-01", "2026-02-30", "morgen", "20261203")
                        .map(v -> (Object) v);
                case "radio", "select" -> Arbitraries.strings().ofMaxLength(20)
                        .filter(s -> !field.options().contains(s)).map(v -> (Object) v);
                case "checklist", "taglist" -> Arbitraries.strings().ofMinLength(1).ofMaxLength(20)
                        .filter(s -> !field.options().contains(s)).map(s -> (Object) List.of(s));
                case "checkbox" -> field.required() ? Arbitraries.just(false) : wrongType;
                default -> wrongType;
            };
            return Arbitraries.oneOf(wrongType, outOfRules);
        }

        private static Arbitrary<Object> numberOutOfRange(FormField field) {
            Arbitrary<Object> belowMin = field.min() == null ? null
                    : Arbitraries.integers().between(1, 1_000_000).map(d -> (Object) field.min().subtract(
                            BigDecimal.valueOf(d)).doubleValue());
            Arbitrary<Object> aboveMax = field.max() == null ? null
                    : Arbitraries.integers().between(1, 1_000_000).map(d -> (Object) field.max().add(
                            BigDecimal.valueOf(d)).longValue());
            Arbitrary<Object> notFinite = Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY).map(v -> (Object) v);
            List<Arbitrary<Object>> options = Stream.of(belowMin, aboveMax, notFinite)
                    .filter(java.util.Objects::nonNull).toList();
            return Arbitraries.oneOf(options);
        }
    }

    /** A submission that follows every rule of a form: what a careful person enters in Tasklist. */
    static final class ValidSubmissions {

        private static final HideConditions CONDITIONS = new HideConditions();

        static Map<String, Object> of(FormSchema form) {
            Map<String, Object> values = new HashMap<>();
            for (FormField field : form.fields().values()) {
                if (FormField.INPUT_TYPES.contains(field.type()) && !field.readOnly()) {
                    values.put(field.key(), validValue(field));
                }
            }
            dropHidden(form, values);
            return values;
        }

        static void dropHidden(FormSchema form, Map<String, Object> values) {
            Map<String, Object> data = new HashMap<>(values);
            form.fields().values().stream().filter(f -> CONDITIONS.hidden(f, data))
                    .forEach(f -> values.remove(f.key()));
        }

        /** The case's current values a form needs: the options of selects that take them from a variable. */
        static Map<String, Object> current(FormSchema form) {
            Map<String, Object> current = new HashMap<>();
            form.fields().values().stream().filter(field -> field.optionsVariable() != null).forEach(field ->
                    current.put(field.optionsVariable(), List.of(Map.of("label", "Optie", "value", OPTION))));
            return current;
        }

        private static final String OPTION = "optie-1";

        static Object validValue(FormField field) {
            if (field.optionsVariable() != null) {
                return field.type().equals("select") || field.type().equals("radio") ? OPTION : List.of(OPTION);
            }
            return switch (field.type()) {
                case "number" -> field.min() != null ? field.min().intValue()
                        : field.max() != null ? field.max().intValue() : 1;
                case "datetime" -> "2026-12-03";
                case "checkbox" -> true;
                case "radio", "select" -> field.options().get(0);
                case "checklist", "taglist" -> List.of(field.options().get(0));
                default -> "Geen bijzonderheden.";
            };
        }
    }

}
