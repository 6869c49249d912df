package nl.spoorwijzer.modelling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.system.Violation;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The rules a deployment must meet before the engine may parse it (DESIGN.md §4, §4a): only model beans and allowed
 * calls in expressions, no scripts, Java classes or connectors, every user task with a role or assignee and an
 * existing Camunda Form, every legal task with its due date, every process and decision with historyTimeToLive and
 * versionTag; every form, decision and called-process reference with a stated binding that finds what it names, and a
 * changed process or decision with a versionTag above the deployed one (issue 28); for one employer's protocol (a
 * tenant deployment) also the legal steps of the shared model ({@link LegalCore}) and forms bound to the deployment. Reads the XML itself (no DTDs, no external entities) so that nothing of a model is evaluated while
 * it is checked. Each broken rule is one violation: the element id (or resource name) and the rule.
 */
final class DeploymentRules {

    /** What a reference or a new version is compared with: the versions already deployed (for the same tenant). */
    interface Deployed {
        /** Every deployed version of the process, decision or form {@code key}, the newest first. */
        List<DeployedVersion> versions(Kind kind, String key);
    }

    enum Kind { PROCESS, DECISION, FORM }

    /** One deployed version; its content (the resource it was deployed from) is read only when compared. */
    record DeployedVersion(int version, String versionTag, Supplier<byte[]> content) {
    }

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
    static final String ACTIVITI = "http://activiti.org/bpmn";

    private static final Set<String> ROLES = Arrays.stream(Role.values()).map(Role::groupId)
            .collect(Collectors.toUnmodifiableSet());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExpressionCheck expressions;
    private final Deployed deployed;
    private final Map<String, Set<String>> taskProperties;
    /** For an employer's own protocol (a tenant deployment): the shared versions; null for a shared deployment. */
    private final Deployed shared;

    /** @param taskProperties the task properties the platform reads (name → allowed values) */
    DeploymentRules(ExpressionCheck expressions, Deployed deployed, Map<String, Set<String>> taskProperties) {
        this(expressions, deployed, taskProperties, null);
    }

    /**
     * The rules for a deployment for one employer (tenant): {@code deployed} are that tenant's versions,
     * {@code shared} the versions of every employer, whose legal steps the employer's protocol keeps
     * ({@link LegalCore}) and which a reference with a tenant expression falls back to.
     */
    DeploymentRules(ExpressionCheck expressions, Deployed deployed, Map<String, Set<String>> taskProperties,
                    Deployed shared) {
        this.expressions = expressions;
        this.deployed = deployed;
        this.taskProperties = taskProperties;
        this.shared = shared;
    }

    /** Every rule the resources of one deployment (name → content) break; empty when the deployment may go ahead. */
    List<Violation> check(Map<String, byte[]> resources) {
        Map<String, byte[]> sorted = new TreeMap<>(resources);
        Set<Violation> violations = new LinkedHashSet<>();
        Set<String> forms = new HashSet<>();
        Map<String, Document> bpmn = new TreeMap<>();
        Map<String, Document> dmn = new TreeMap<>();
        for (Map.Entry<String, byte[]> resource : sorted.entrySet()) {
            String name = resource.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
                parse(name, resource.getValue(), violations, bpmn);
            } else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
                parse(name, resource.getValue(), violations, dmn);
            } else if (lower.endsWith(".form")) {
                formId(name, resource.getValue(), violations, forms);
            } else if (!lower.endsWith(".png")) {
                violations.add(new Violation(name,
                        "resource type not allowed: a deployment holds .bpmn, .dmn, .form and .png files only"));
            }
        }
        Map<String, Model> processes = new TreeMap<>();
        bpmn.forEach((name, document) -> elements(document, BPMN, "process").stream()
                .filter(process -> "true".equals(process.getAttribute("isExecutable")))
                .forEach(process -> processes.put(process.getAttribute("id"),
                        new Model(name, process.getAttributeNS(CAMUNDA, "versionTag"), sorted.get(name)))));
        Map<String, Model> decisions = new TreeMap<>();
        dmn.forEach((name, document) -> elements(document, null, "decision")
                .forEach(decision -> decisions.put(decision.getAttribute("id"),
                        new Model(name, decisionVersionTag(decision), sorted.get(name)))));
        Deployment deployment = new Deployment(forms, processes, decisions, violations);
        bpmn.forEach((name, document) -> deployment.bpmn(document.getDocumentElement(), name));
        dmn.forEach((name, document) -> deployment.dmn(document.getDocumentElement(), name,
                language(document.getDocumentElement(), "feel"), null));
        deployment.formsToInclude();
        processes.forEach((key, model) -> deployment.versionRaised(Kind.PROCESS, key, model));
        decisions.forEach((key, model) -> deployment.versionRaised(Kind.DECISION, key, model));
        if (shared != null) {
            Map<String, Document> variant = new TreeMap<>();
            processes.forEach((key, model) -> variant.put(key, bpmn.get(model.resource())));
            violations.addAll(LegalCore.dropped(variant, key -> shared.versions(Kind.PROCESS, key).stream()
                    .findFirst().map(latest -> parsed(latest.content().get()))));
        }
        return List.copyOf(violations);
    }

    /** A deployed model, read as it was checked when it was deployed. */
    private static Document parsed(byte[] content) {
        Map<String, Document> into = new TreeMap<>();
        parse("shared", content, new LinkedHashSet<>(), into);
        return into.get("shared");
    }

    /** A process or decision in the deployment: the resource it is in, its version tag and the resource's content. */
    private record Model(String resource, String versionTag, byte[] content) {
    }

    /** The contents of one deployment and the violations found so far. */
    private final class Deployment {
        private final Set<String> forms;
        private final Map<String, Model> processes;
        private final Map<String, Model> decisions;
        private final Set<Violation> violations;
        /** The forms bound to this deployment that it lacks: form id → the elements that use it, by resource. */
        private final Map<String, Set<String>> missingForms = new TreeMap<>();

        Deployment(Set<String> forms, Map<String, Model> processes, Map<String, Model> decisions,
                   Set<Violation> violations) {
            this.forms = forms;
            this.processes = processes;
            this.decisions = decisions;
            this.violations = violations;
        }

        void refuse(String field, String rule) {
            violations.add(new Violation(field, rule));
        }

        void bpmn(Element element, String resource) {
            String ns = element.getNamespaceURI();
            String name = element.getLocalName();
            String id = idOf(element, resource);
            if (ns != null && (ns.contains("/DD/") || ns.endsWith("/DI") || ns.endsWith("/DC"))) {
                return; // the diagram
            }
            if (BPMN.equals(ns) && (name.equals("documentation") || name.equals("text"))) {
                return; // prose
            }
            if (ACTIVITI.equals(ns)) {
                refuse(id, "uses the legacy activiti extensions; use camunda");
                return;
            }
            if (CAMUNDA.equals(ns)) {
                switch (name) {
                    case "script" -> refuse(id, "scripts are not allowed");
                    case "connector" -> refuse(id, "connectors are not allowed");
                    case "formData", "formProperty" ->
                            refuse(id, "generated forms are not allowed; use a Camunda Form (camunda:formRef)");
                    case "string" -> {
                        return; // a fixed value, never evaluated
                    }
                    case "in", "out" -> {
                        String businessKey = element.getAttribute("businessKey");
                        if (!businessKey.isBlank() && !OWN_BUSINESS_KEY.matcher(businessKey).matches()) {
                            // Model beans find the case by its business key: another key would act on another case.
                            refuse(id, "a called process keeps the case's own business key"
                                    + " (#{execution.processBusinessKey})");
                        }
                    }
                    default -> { }
                }
            }
            if (BPMN.equals(ns)) {
                switch (name) {
                    case "scriptTask" -> refuse(id, "script tasks are not allowed");
                    case "userTask" -> userTask(element, id, resource);
                    case "process" -> process(element, id);
                    case "startEvent" -> {
                        if (!camunda(element, "formRef").isBlank()) {
                            formRef(element, id, resource);
                        }
                    }
                    case "businessRuleTask" -> {
                        if (!camunda(element, "decisionRef").isBlank()) {
                            reference(element, id, Kind.DECISION, camunda(element, "decisionRef"), "decisionRef");
                        }
                    }
                    case "callActivity" -> reference(element, id, Kind.PROCESS, element.getAttribute("calledElement"),
                            "calledElement");
                    default -> { }
                }
            }
            attributes(element, id, CAMUNDA.equals(ns));
            text(element, id);
            for (Element child : children(element)) {
                bpmn(child, resource);
            }
        }

        private void attributes(Element element, String id, boolean camundaElement) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                String ns = attribute.getNamespaceURI();
                String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
                boolean camunda = CAMUNDA.equals(ns) || (camundaElement && ns == null);
                if (ACTIVITI.equals(ns)) {
                    refuse(id, "uses the legacy activiti extensions; use camunda");
                } else if (camunda && (name.equals("class") || name.endsWith("Class"))) {
                    refuse(id, "Java classes are not allowed (" + name
                            + "); use a delegateExpression with a model bean");
                } else if (camunda && name.equals("delegateExpression")
                        && !isModelBeanReference(attribute.getValue())) {
                    refuse(id, "a delegateExpression names one model bean, such as ${caseClosing}");
                } else if (camunda && name.equals("type") && "external".equals(attribute.getValue())) {
                    refuse(id, "external tasks are not allowed");
                } else if (camunda && name.equals("resource")) {
                    refuse(id, "external script resources are not allowed");
                } else if (camunda && name.equals("formKey")) {
                    refuse(id, "camunda:formKey is not allowed; use a Camunda Form (camunda:formRef)");
                } else if (ns == null && !camundaElement && name.equals("language")
                        && BPMN.equals(element.getNamespaceURI())) {
                    refuse(id, "expressions in a script language are not allowed");
                }
                expression(id, attribute.getValue());
            }
        }

        private void text(Element element, String id) {
            StringBuilder text = new StringBuilder();
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                    text.append(child.getNodeValue());
                }
            }
            expression(id, text.toString().trim());
        }

        private void expression(String id, String text) {
            if (ExpressionCheck.hasExpression(text)) {
                expressions.problems(text).forEach(problem -> refuse(id, "expression " + problem));
            }
        }

        private void userTask(Element task, String id, String resource) {
            String groups = camunda(task, "candidateGroups");
            String assignee = camunda(task, "assignee");
            if (groups.isBlank() && assignee.isBlank()) {
                refuse(id, "a user task needs a candidate group (a role) or an assignee");
            }
            for (String group : groups.split(",")) {
                String role = group.trim();
                if (!role.isEmpty() && !ROLES.contains(role)) {
                    refuse(id, "candidate group '" + role + "' is not a role (" + String.join(", ",
                            ROLES.stream().sorted().toList()) + ")");
                }
            }
            if (camunda(task, "formRef").isBlank()) {
                refuse(id, "a user task needs a Camunda Form (camunda:formRef)");
            } else {
                formRef(task, id, resource);
            }
            if (LegalTasks.IDS.contains(task.getAttribute("id")) && camunda(task, "dueDate").isBlank()) {
                refuse(id, "a task with a legal deadline needs its camunda:dueDate");
            }
            declaredProperties(task, id);
        }

        /** A property the platform reads (phase, RIV part) may only take one of its values. */
        private void declaredProperties(Element task, String id) {
            List<Element> properties = children(task).stream().filter(child -> is(child, BPMN, "extensionElements"))
                    .flatMap(extensions -> children(extensions).stream())
                    .filter(child -> is(child, CAMUNDA, "properties"))
                    .flatMap(declared -> children(declared).stream())
                    .filter(child -> is(child, CAMUNDA, "property"))
                    .toList();
            for (Element property : properties) {
                Set<String> allowed = taskProperties.get(property.getAttribute("name"));
                if (allowed != null && !allowed.contains(property.getAttribute("value"))) {
                    String value = property.getAttribute("value");
                    refuse(id, "camunda:property '" + property.getAttribute("name") + "' must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()) + " (got '"
                            + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "')");
                }
            }
        }

        private void formRef(Element element, String id, String resource) {
            String form = camunda(element, "formRef");
            String binding = camunda(element, "formRefBinding");
            if (ExpressionCheck.hasExpression(form)) {
                refuse(id, "camunda:formRef must name a form, not compute it");
            } else if (!FORM_BINDINGS.contains(binding)) {
                refuse(id, "camunda:formRefBinding must be one of " + String.join(", ", FORM_BINDINGS)
                        + " (got '" + abbreviated(binding) + "')");
            } else if (shared != null && !binding.equals("deployment")) {
                // Camunda finds a latest or numbered form without regard to the employer (GetCamundaFormDefinitionCmd).
                refuse(id, "in a protocol for one employer a form is bound to its deployment"
                        + " (camunda:formRefBinding deployment, the form in the deployment)");
            } else if (binding.equals("deployment")) {
                if (!forms.contains(form)) {
                    missingForms.computeIfAbsent(form, name -> new TreeSet<>()).add(resource + " (" + id + ")");
                }
            } else if (!forms.contains(form) || binding.equals("version")) {
                found(id, Kind.FORM, form, "formRef", binding, camunda(element, "formRefVersion"), "");
            }
        }

        /**
         * A reference to a decision or a called process states which version running cases use (a choice per
         * reference, not a default), and that version exists: in this deployment or already deployed.
         */
        private void reference(Element element, String id, Kind kind, String key, String attribute) {
            String bindingAttribute = attribute + "Binding";
            String binding = camunda(element, bindingAttribute);
            if (ExpressionCheck.hasExpression(key)) {
                refuse(id, attribute + " must name a " + what(kind) + ", not compute it");
            } else if (!BINDINGS.contains(binding)) {
                refuse(id, "camunda:" + bindingAttribute + " must be stated, one of " + String.join(", ", BINDINGS)
                        + ": which version of '" + key + "' running cases use is a choice per reference");
            } else if (binding.equals("deployment")) {
                if (inDeployment(kind, key).isEmpty()) {
                    refuse(id, what(kind) + " '" + key + "' is not in this deployment (" + bindingAttribute
                            + " deployment): include " + key + extension(kind));
                }
            } else {
                found(id, kind, key, attribute, binding, camunda(element, attribute + "Version"),
                        camunda(element, attribute + "VersionTag"),
                        !camunda(element, attribute + "TenantId").isBlank());
            }
        }

        /**
         * A reference bound to latest, a version or a version tag finds what it names. In an employer's own
         * protocol Camunda looks in that employer's versions only, unless the reference names its tenant
         * ({@code camunda:calledElementTenantId}, {@code camunda:decisionRefTenantId}), which may be the shared one.
         */
        private void found(String id, Kind kind, String key, String attribute, String binding, String version,
                           String versionTag) {
            found(id, kind, key, attribute, binding, version, versionTag, false);
        }

        private void found(String id, Kind kind, String key, String attribute, String binding, String version,
                           String versionTag, boolean tenantExpression) {
            Optional<Model> here = inDeployment(kind, key);
            List<DeployedVersion> versions = new ArrayList<>(deployed.versions(kind, key));
            if (shared != null && tenantExpression) {
                versions.addAll(shared.versions(kind, key));
            }
            String named = what(kind) + " '" + key + "'";
            switch (binding) {
                case "latest" -> {
                    if (here.isEmpty() && versions.isEmpty()) {
                        refuse(id, named + " is neither in this deployment nor deployed (" + attribute
                                + "Binding latest)" + (shared == null ? "" : " for this employer: include it,"
                                + " or let the shared one serve with camunda:" + attribute
                                + "TenantId=\"${employerProtocol.tenant(execution, '" + key + "')}\""));
                    }
                }
                case "version" -> {
                    if (!version.matches("\\d{1,9}")) {
                        refuse(id, "camunda:" + attribute + "Version must be a version number (" + attribute
                                + "Binding version)");
                    } else if (versions.stream().noneMatch(deployedVersion ->
                            deployedVersion.version() == Integer.parseInt(version))) {
                        refuse(id, "version " + version + " of " + named + " is not deployed");
                    }
                }
                default -> { // versionTag
                    if (versionTag.isBlank()) {
                        refuse(id, "camunda:" + attribute + "VersionTag must name a version tag (" + attribute
                                + "Binding versionTag)");
                    } else if (!here.map(model -> versionTag.equals(model.versionTag())).orElse(false)
                            && versions.stream().noneMatch(deployedVersion ->
                                    versionTag.equals(deployedVersion.versionTag()))) {
                        refuse(id, named + " with versionTag " + abbreviated(versionTag)
                                + " is neither in this deployment nor deployed");
                    }
                }
            }
        }

        private Optional<Model> inDeployment(Kind kind, String key) {
            return switch (kind) {
                case PROCESS -> Optional.ofNullable(processes.get(key));
                case DECISION -> Optional.ofNullable(decisions.get(key));
                case FORM -> forms.contains(key) ? Optional.of(new Model(key + ".form", "", new byte[0]))
                        : Optional.empty();
            };
        }

        /**
         * One violation per form file the deployment must include (a model deployed alone from Camunda Modeler): the
         * file is the field, so the list of fields is exactly the list of files to add.
         */
        void formsToInclude() {
            missingForms.forEach((form, users) -> refuse(form + ".form", "include this form in the deployment: "
                    + users.iterator().next() + (users.size() > 1 ? " and " + (users.size() - 1) + " more" : "")
                    + " use" + (users.size() > 1 ? "" : "s") + " it with formRefBinding deployment"));
        }

        /**
         * A changed process or decision carries a higher version tag than the newest deployed version of its key, so
         * that a version tag names one content. The same content again (Camunda's duplicate filtering) and a return
         * to an earlier version with that version's own tag and content are fine.
         */
        void versionRaised(Kind kind, String key, Model model) {
            String tag = model.versionTag();
            if (tag.isBlank()) {
                return; // refused for lacking a versionTag
            }
            if (!VERSION_TAG.matcher(tag).matches()) {
                // Camunda stores the tag as written: " 9.0.0" would be a tag no later deployment compares with.
                refuse(key, "versionTag '" + abbreviated(tag) + "' must be a version number x.y.z (such as 1.4.0)"
                        + (tag.equals(tag.trim()) ? "" : ", without spaces around it"));
                return;
            }
            List<DeployedVersion> versions = deployed.versions(kind, key);
            if (versions.isEmpty()) {
                return;
            }
            DeployedVersion latest = versions.get(0);
            if (sameContent(latest.content().get(), model.content())) {
                return;
            }
            // Compared with the latest version; when its tag is no version number (deployed before this rule, or
            // with spaces Camunda kept), with the highest well-formed tag deployed: a malformed tag does not switch
            // the rule off.
            DeployedVersion compared = wellFormed(latest.versionTag()) ? latest : versions.stream()
                    .filter(version -> wellFormed(version.versionTag()))
                    .max((a, b) -> compareVersions(a.versionTag(), b.versionTag()))
                    .orElse(null);
            if (compared == null) {
                return;
            }
            String comparedTag = compared.versionTag();
            if (compareVersions(tag, comparedTag) <= 0
                    && versions.stream().noneMatch(earlier -> tag.equals(earlier.versionTag())
                            && sameContent(earlier.content().get(), model.content()))) {
                refuse(key, "differs from the deployed version " + compared.version() + " (versionTag " + comparedTag
                        + ") but has versionTag " + tag + ": verhoog versionTag (raise it above " + comparedTag
                        + ") with every change");
            }
        }

        private void process(Element process, String id) {
            if (!"true".equals(process.getAttribute("isExecutable"))) {
                return;
            }
            if (camunda(process, "historyTimeToLive").isBlank()) {
                refuse(id, "a process needs camunda:historyTimeToLive");
            }
            if (camunda(process, "versionTag").isBlank()) {
                refuse(id, "a process needs camunda:versionTag");
            }
        }

        /** @param feelOnlyDecision the key of the enclosing decision when it may hold FEEL only, else null */
        void dmn(Element element, String resource, String inherited, String feelOnlyDecision) {
            String id = idOf(element, resource);
            String language = language(element, inherited);
            String own = element.getAttribute("expressionLanguage");
            boolean decision = "decision".equals(element.getLocalName());
            String feelOnly = decision && FeelOnlyDecisions.isFeelOnly(element.getAttribute("id"))
                    ? element.getAttribute("id") : feelOnlyDecision;
            if (feelOnly != null && (!own.isBlank() || decision) && !FeelOnlyDecisions.isFeel(language)) {
                refuse(id, "expression language '" + language + "' is not allowed in decision '" + feelOnly
                        + "': it is evaluated for every open case and may hold FEEL only");
            } else if (!own.isBlank() && !isFeelOrJuel(own)) {
                refuse(id, "expression language '" + own + "' is not allowed in decisions (FEEL or JUEL only)");
            }
            if (decision) {
                if (element.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive").isBlank()) {
                    refuse(id, "a decision needs camunda:historyTimeToLive");
                }
                if (element.getAttributeNS(CAMUNDA_DMN, "versionTag").isBlank()
                        && element.getAttribute("versionTag").isBlank()) {
                    refuse(id, "a decision needs a versionTag");
                }
            }
            if ("text".equals(element.getLocalName()) && language.equalsIgnoreCase("juel")) {
                String text = element.getTextContent().trim();
                String juel = ExpressionCheck.hasExpression(text) ? text : "${" + text + "}";
                expressions.problems(juel).forEach(problem -> refuse(id, "expression " + problem));
            }
            for (Element child : children(element)) {
                dmn(child, resource, language, feelOnly);
            }
        }
    }

    private static final Pattern OWN_BUSINESS_KEY =
            Pattern.compile("[$#]\\{\\s*execution\\.processBusinessKey\\s*}");
    private static final Pattern BEAN_REFERENCE =
            Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    private static final List<String> FORM_BINDINGS = List.of("deployment", "latest", "version");
    private static final List<String> BINDINGS = List.of("deployment", "latest", "version", "versionTag");
    private static final Pattern VERSION_TAG = Pattern.compile("\\d{1,9}(\\.\\d{1,9}){0,2}");

    private static boolean wellFormed(String versionTag) {
        return versionTag != null && VERSION_TAG.matcher(versionTag).matches();
    }

    /** Compares version numbers part by part (1.10.0 after 1.9.2); missing parts count as 0. */
    static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < 3; i++) {
            int compared = Integer.compare(i < left.length ? Integer.parseInt(left[i]) : 0,
                    i < right.length ? Integer.parseInt(right[i]) : 0);
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    }

    /** Equal content, whatever line endings the editor saved. */
    private static boolean sameContent(byte[] deployed, byte[] candidate) {
        return new String(deployed, StandardCharsets.UTF_8).replace("\r\n", "\n")
                .equals(new String(candidate, StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    private static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static String what(Kind kind) {
        return switch (kind) {
            case PROCESS -> "process";
            case DECISION -> "decision";
            case FORM -> "form";
        };
    }

    private static String extension(Kind kind) {
        return switch (kind) {
            case PROCESS -> ".bpmn";
            case DECISION -> ".dmn";
            case FORM -> ".form";
        };
    }

    private static String decisionVersionTag(Element decision) {
        String tag = decision.getAttributeNS(CAMUNDA_DMN, "versionTag");
        return tag.isBlank() ? decision.getAttribute("versionTag") : tag;
    }

    private static boolean isModelBeanReference(String expression) {
        Matcher bean = BEAN_REFERENCE.matcher(expression.trim());
        return bean.matches() && ModelBeans.isModelBean(bean.group(1));
    }

    private static boolean isFeelOrJuel(String language) {
        String lower = language.toLowerCase(Locale.ROOT);
        return lower.equals("feel") || lower.equals("juel") || lower.matches("https?://www\\.omg\\.org/spec/.*feel.*");
    }

    private static String language(Element element, String inherited) {
        String own = element.getAttribute("expressionLanguage");
        return own.isBlank() ? inherited : own;
    }

    private static boolean is(Element element, String namespace, String localName) {
        return namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    private static String camunda(Element element, String attribute) {
        return element.getAttributeNS(CAMUNDA, attribute).trim();
    }

    /** The id of the element a process owner sees in the Modeler: the flow node rather than its event definition. */
    private static String idOf(Element element, String resource) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            String name = e.getLocalName();
            boolean part = BPMN.equals(e.getNamespaceURI()) && (name.endsWith("EventDefinition")
                    || name.endsWith("Expression") || name.endsWith("LoopCharacteristics"));
            if (!part && !e.getAttribute("id").isBlank()) {
                return e.getAttribute("id");
            }
        }
        return resource;
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    private static List<Element> elements(Document document, String ns, String localName) {
        List<Element> found = new ArrayList<>();
        var nodes = document.getElementsByTagNameNS(ns == null ? "*" : ns, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static void parse(String name, byte[] content, Set<Violation> violations, Map<String, Document> into) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // report through the exception, not on stderr
            into.put(name, builder.parse(new ByteArrayInputStream(content)));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            violations.add(new Violation(name, "is not a well-formed model (no DOCTYPE allowed): " + e.getMessage()));
        }
    }

    private static void formId(String name, byte[] content, Set<Violation> violations, Set<String> forms) {
        try {
            JsonNode form = JSON.readTree(content);
            String id = form == null ? "" : form.path("id").asText("");
            if (id.isBlank()) {
                violations.add(new Violation(name, "a Camunda Form needs an id"));
            } else {
                forms.add(id);
            }
        } catch (IOException e) {
            violations.add(new Violation(name, "is not a Camunda Form (JSON)"));
        }
    }
}
