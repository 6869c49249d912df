package nl.spoorwijzer.modelling;

import java.util.Set;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * Decisions that are evaluated outside a process, on every open case, and so may hold FEEL only (no JUEL, script or
 * other language that would run code in this process): checked when deployed ({@link DeploymentRules}) and again when
 * loaded (risks/LoonsanctieRiskTable).
 */
public final class FeelOnlyDecisions {

    /** The loonsanctie risk table (processes/loonsanctie-risico.dmn). */
    public static final String LOONSANCTIE_RISICO = "loonsanctie-risico";

    static final Set<String> KEYS = Set.of(LOONSANCTIE_RISICO);

    /** The FEEL namespaces of the DMN versions, compared exactly as Camunda's ExpressionEvaluationHandler does. */
    private static final Set<String> FEEL_URIS = Set.of(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);

    private FeelOnlyDecisions() {
    }

    /**
     * Whether Camunda evaluates an expression of this language as FEEL: one of the FEEL namespace URIs (exactly, as
     * Camunda compares them) or the short name "feel" in any case. No language (null or blank) is FEEL too: the
     * default of Camunda's DMN engine.
     */
    public static boolean isFeel(String language) {
        return language == null || language.isBlank() || FEEL_URIS.contains(language)
                || DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE.equalsIgnoreCase(language);
    }

    /** Whether decisions with this key may hold FEEL only. */
    public static boolean isFeelOnly(String decisionKey) {
        return KEYS.contains(decisionKey);
    }
}
