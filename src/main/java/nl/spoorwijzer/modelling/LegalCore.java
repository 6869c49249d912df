package nl.spoorwijzer.modelling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.spoorwijzer.process.ProcessVariables;
import nl.spoorwijzer.system.Violation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What an employer's own protocol (a tenant's variant of a shared model) must keep of the shared model: its legal
 * steps. Compared with the latest shared version of the same process, each legal task ({@link LegalTasks}) is still a
 * user task with the same {@code camunda:dueDate}, and each legal timer — a timer on a date or interval the platform's
 * calendar computes (a platform-only variable, such as {@code ${ziekmeldingUwvDue}} or {@code ${evaluationInterval}})
 * — is still there with the same id, the same expression and, for a deadline watch, on the same task. The legal
 * milestones are met by these tasks and watched by these timers, so they stay with them. A variant may add anything
 * else (an extra evaluation, an extra reminder); it may not drop or re-time the law's steps.
 */
final class LegalCore {

    private static final Pattern VARIABLE = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    private LegalCore() {
    }

    /**
     * The legal steps of the shared models that the variant's processes drop or change, one violation each.
     *
     * @param variant      the variant's executable processes: process key → parsed model
     * @param sharedLatest the latest shared (tenant-less) model of a process key, if there is one
     */
    static List<Violation> dropped(Map<String, Document> variant, Function<String, Optional<Document>> sharedLatest) {
        List<Violation> violations = new ArrayList<>();
        variant.forEach((key, model) -> sharedLatest.apply(key).ifPresent(shared -> {
            Map<String, Element> variantElements = byId(model);
            Map<String, Element> sharedElements = byId(shared);
            legalSteps(shared).forEach((id, step) -> {
                Element kept = variantElements.get(id);
                String name = nameOf(step, id);
                Element watched = sharedElements.get(step.getAttribute("attachedToRef"));
                if (watched != null) {
                    name += " of " + nameOf(watched, watched.getAttribute("id"));
                }
                String what = "legal step '" + name + "' of the shared model " + key;
                if (kept == null || !kept.getLocalName().equals(step.getLocalName())) {
                    violations.add(new Violation(id, what + " is missing: a protocol for one employer may add"
                            + " steps, not drop one the law sets"));
                } else if (!deadline(kept).equals(deadline(step))) {
                    violations.add(new Violation(id, what + " must keep its deadline " + deadline(step)
                            + " (got " + (deadline(kept).isBlank() ? "none" : deadline(kept)) + ")"));
                }
            });
        }));
        return violations;
    }

    /** The legal tasks and legal timers of a model, by element id, in document order. */
    static Map<String, Element> legalSteps(Document model) {
        Map<String, Element> steps = new LinkedHashMap<>();
        byId(model).forEach((id, element) -> {
            if (element.getLocalName().equals("userTask") && LegalTasks.IDS.contains(id)) {
                steps.put(id, element);
            } else if (isCalendarTimer(element)) {
                steps.put(id, element);
            }
        });
        return steps;
    }

    private static String nameOf(Element element, String id) {
        return element.getAttribute("name").isBlank() ? id : element.getAttribute("name").replaceAll("\\s+", " ");
    }

    /** What a legal step keeps: a task its due date, a timer its expression and the task it watches. */
    private static String deadline(Element step) {
        if (step.getLocalName().equals("userTask")) {
            return step.getAttributeNS(DeploymentRules.CAMUNDA, "dueDate").trim();
        }
        String attached = step.getAttribute("attachedToRef");
        return timerExpression(step).orElse("") + (attached.isBlank() ? "" : " on " + attached);
    }

    private static boolean isCalendarTimer(Element event) {
        return timerExpression(event).map(expression -> {
            Matcher variable = VARIABLE.matcher(expression);
            while (variable.find()) {
                if (ProcessVariables.isPlatformOnly(variable.group(1))) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }

    private static Optional<String> timerExpression(Element event) {
        for (Node child = event.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element definition && DeploymentRules.BPMN.equals(definition.getNamespaceURI())
                    && definition.getLocalName().equals("timerEventDefinition")) {
                for (Node time = definition.getFirstChild(); time != null; time = time.getNextSibling()) {
                    if (time instanceof Element timeElement) {
                        return Optional.of(timeElement.getLocalName() + " " + timeElement.getTextContent().trim());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, Element> byId(Document model) {
        Map<String, Element> elements = new LinkedHashMap<>();
        NodeList all = model.getElementsByTagNameNS(DeploymentRules.BPMN, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (!element.getAttribute("id").isBlank()) {
                elements.putIfAbsent(element.getAttribute("id"), element);
            }
        }
        return elements;
    }
}
