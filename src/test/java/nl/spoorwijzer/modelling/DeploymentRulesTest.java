package nl.spoorwijzer.modelling;

import static nl.spoorwijzer.modelling.Models.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.spoorwijzer.casefile.CasePhaseVocabulary;
import nl.spoorwijzer.modelling.DeploymentRules.DeployedVersion;
import nl.spoorwijzer.process.TaskPropertyVocabulary;
import nl.spoorwijzer.report.RivPartVocabulary;
import nl.spoorwijzer.system.Violation;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The deployment rules on the platform's own models (all pass) and on models that break them (each refused, naming
 * the element and the rule). The same {@link DeploymentRules} run inside the engine before it parses a deployment.
 */
class DeploymentRulesTest {

    /** Spring bean names of the application that are not meant for models (a few of them). */
    private static final Set<String> OTHER_BEANS = Set.of("dataSource", "jdbcTemplate", "runtimeService",
            "caseIntake");

    /** What is already deployed, per kind and key: the test adds versions. */
    private final Map<String, List<DeployedVersion>> deployed = new HashMap<>(Map.of(
            "FORM/al-gedeployd-formulier", List.of(new DeployedVersion(1, null, () -> new byte[0]))));

    private final DeploymentRules rules = new DeploymentRules(new ExpressionCheck(OTHER_BEANS::contains),
            (kind, key) -> deployed.getOrDefault(kind + "/" + key, List.of()),
            Stream.of(new CasePhaseVocabulary(), new RivPartVocabulary()).collect(Collectors.toMap(
                    TaskPropertyVocabulary::property, TaskPropertyVocabulary::values)));

    @Test
    void everyModelAndFormOfThePlatformPasses() {
        Map<String, byte[]> platform = Models.platformDeployment();
        assertThat(platform).containsKeys("processes/poortwachter.bpmn", "processes/spoor-2-inzetten.dmn",
                "forms/probleemanalyse-opstellen.form");
        assertThat(rules.check(platform)).isEmpty();
    }

    @Test
    void everyLegalTaskIsAUserTaskOfTheModelsAndCarriesItsDueDate() {
        Map<String, String> dueDates = new HashMap<>();
        for (String file : List.of("processes/poortwachter.bpmn", "processes/spoor-2-traject.bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(Path.of(file).toFile());
            model.getModelElementsByType(UserTask.class).forEach(task ->
                    dueDates.put(task.getId(), String.valueOf(task.getCamundaDueDate())));
        }
        for (String legalTask : LegalTasks.IDS) {
            assertThat(dueDates).as("legal task %s is modelled", legalTask).containsKey(legalTask);
            assertThat(dueDates.get(legalTask)).as("due date of %s", legalTask).startsWith("${");
        }
    }

    @Test
    void aLegalTaskWithoutItsDueDateIsRefused() {
        Map<String, byte[]> platform = Models.platformDeployment();
        String model = new String(platform.get("processes/poortwachter.bpmn"))
                .replace("camunda:dueDate=\"${probleemanalyseDue}\"", "");
        platform.put("processes/poortwachter.bpmn", utf8(model));
        assertThat(rules.check(platform)).containsExactly(new Violation("probleemanalyseOpstellen",
                "a task with a legal deadline needs its camunda:dueDate"));
    }

    @Test
    void aTaskPropertyThePlatformReadsMustTakeOneOfItsValues() {
        Map<String, byte[]> platform = Models.platformDeployment();
        String model = new String(platform.get("processes/poortwachter.bpmn")).replaceFirst(
                "(<bpmn:userTask id=\"probleemanalyseOpstellen\"(?s:.*?))<camunda:property name=\"fase\" value=\"[A-Z_]+\"",
                "$1<camunda:property name=\"fase\" value=\"PROBLEEMANALYZE\"");
        platform.put("processes/poortwachter.bpmn", utf8(model));
        assertThat(rules.check(platform)).containsExactly(new Violation("probleemanalyseOpstellen",
                "camunda:property 'fase' must be one of EERSTEJAARSEVALUATIE, EINDFASE, MONITORING, PLAN_VAN_AANPAK,"
                        + " PROBLEEMANALYSE, SPOOR_1, SPOOR_2, ZIEKMELDING (got 'PROBLEEMANALYZE')"));
    }

    @Test
    void theExecExploitInATimerIsRefusedAtTheTimer() {
        assertThat(check(Models.timerStart("proef", Models.exec(Path.of("/tmp/x")))))
                .extracting(Violation::field).containsOnly("timerStart");
        assertThat(check(Models.intermediateTimer("proef", Models.exec(Path.of("/tmp/x")))))
                .extracting(Violation::field).containsOnly("wachten");
        assertThat(check(Models.timerStart("proef", Models.exec(Path.of("/tmp/x")))))
                .extracting(Violation::rule).anyMatch(rule -> rule.contains("calls 'getClass' on a value"));
    }

    @Test
    void beansOutsideTheModelBeansAreRefused() {
        assertThat(check(Models.serviceExpression("proef", "${jdbcTemplate.queryForList('select 1')}")))
                .contains(new Violation("berekenen", "expression uses bean 'jdbcTemplate', which is not one of the "
                        + "beans for models"));
        assertThat(check(Models.serviceExpression("proef", "${dataSource}")))
                .containsExactly(new Violation("berekenen", "expression uses bean 'dataSource', which is not one "
                        + "of the beans for models"));
    }

    @Test
    void onlyAllowedCallsPass() {
        assertThat(check(Models.serviceExpression("proef", "${uwvDecisions.shortcomings(execution)}"))).isEmpty();
        assertThat(check(Models.serviceExpression("proef",
                "${execution.getVariable('x') == 'ja' &amp;&amp; naam.toUpperCase() == 'BRAM'}"))).isEmpty();
        for (String refused : List.of("${execution.processEngineServices.runtimeService}",
                "${execution.getProcessEngine()}", "${uwvDecisions.record(execution)}", "${caseClosing.class}",
                "${task.execution.processEngine}", "${execution[naam]}", "${x.getClass()}",
                "${decisionResult.getSingleResult().getClass()}", "${caseIntake.start(null)}",
                "${ns:forName('java.lang.Runtime')}", "${x.y(}", "${(execution).processEngineServices}",
                "${(execution)['processEngineServices']}", "${((task).execution).processEngine}")) {
            assertThat(check(Models.serviceExpression("proef", refused))).as(refused).isNotEmpty()
                    .extracting(Violation::field).containsOnly("berekenen");
        }
    }

    @Test
    void scriptsJavaClassesConnectorsAndGeneratedFormsAreRefused() {
        assertThat(check(Models.process("proef", """
                <bpmn:startEvent id="start" name="Start"/>
                <bpmn:scriptTask id="script" name="Script" scriptFormat="javascript">
                  <bpmn:script>java.lang.Runtime.getRuntime().exec('touch /tmp/x')</bpmn:script>
                </bpmn:scriptTask>
                <bpmn:serviceTask id="java" name="Java" camunda:class="nl.spoorwijzer.Anything"/>
                <bpmn:serviceTask id="listener" name="Listener" camunda:expression="${caseClosing}">
                  <bpmn:extensionElements>
                    <camunda:executionListener class="nl.spoorwijzer.Anything" event="start"/>
                    <camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:sequenceFlow id="flow" sourceRef="start" targetRef="java">
                  <bpmn:conditionExpression language="groovy">true</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:serviceTask id="io" name="IO" camunda:expression="${caseClosing}">
                  <bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="x">
                    <camunda:script scriptFormat="groovy" resource="deployment://x.groovy"/>
                  </camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:userTask id="generated" name="Generated" camunda:candidateGroups="werkgever"
                    camunda:formKey="embedded:app:forms/x.html"/>""")))
                .contains(new Violation("script", "script tasks are not allowed"),
                        new Violation("java", "Java classes are not allowed (class); use a delegateExpression with "
                                + "a model bean"),
                        new Violation("listener", "Java classes are not allowed (class); use a delegateExpression "
                                + "with a model bean"),
                        new Violation("listener", "connectors are not allowed"),
                        new Violation("flow", "expressions in a script language are not allowed"),
                        new Violation("io", "scripts are not allowed"),
                        new Violation("io", "external script resources are not allowed"),
                        new Violation("generated", "camunda:formKey is not allowed; use a Camunda Form "
                                + "(camunda:formRef)"),
                        new Violation("generated", "a user task needs a Camunda Form (camunda:formRef)"));
    }

    @Test
    void aUserTaskNeedsARoleOrAssigneeAndAnExistingForm() {
        String tasks = """
                <bpmn:userTask id="zonderRol" name="a" camunda:formRef="proef-formulier"
                    camunda:formRefBinding="deployment"/>
                <bpmn:userTask id="onbekendeRol" name="b" camunda:candidateGroups="werkgever,hackers"
                    camunda:formRef="proef-formulier" camunda:formRefBinding="deployment"/>
                <bpmn:userTask id="werknemerTaak" name="c" camunda:assignee="${werknemerId}"
                    camunda:formRef="proef-formulier" camunda:formRefBinding="deployment"/>
                <bpmn:userTask id="formulierElders" name="d" camunda:candidateGroups="werkgever"
                    camunda:formRef="al-gedeployd-formulier" camunda:formRefBinding="latest"/>
                <bpmn:userTask id="formulierOntbreekt" name="e" camunda:candidateGroups="werkgever"
                    camunda:formRef="al-gedeployd-formulier" camunda:formRefBinding="deployment"/>
                <bpmn:userTask id="formulierNergens" name="f" camunda:candidateGroups="werkgever"
                    camunda:formRef="bestaat-niet" camunda:formRefBinding="latest"/>""";
        Map<String, byte[]> deployment = Map.of("proef.bpmn", utf8(Models.process("proef", tasks)),
                "proef-formulier.form", utf8(Models.FORM));
        assertThat(rules.check(deployment)).extracting(Violation::field)
                .containsExactly("zonderRol", "onbekendeRol", "formulierNergens", "al-gedeployd-formulier.form");
    }

    @Test
    void aProcessNeedsHistoryTimeToLiveAndVersionTag() {
        assertThat(check(Models.process("proef", "", "<bpmn:startEvent id=\"start\" name=\"Start\"/>")))
                .containsExactly(new Violation("proef", "a process needs camunda:historyTimeToLive"),
                        new Violation("proef", "a process needs camunda:versionTag"));
    }

    @Test
    void decisionsMayUseFeelOrJuelOnlyAndJuelObeysTheExpressionRules() {
        String dmn = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                    xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="d" name="d" namespace="n">
                  <decision id="besluit" name="Besluit" camunda:historyTimeToLive="P1D" camunda:versionTag="1">
                    <decisionTable id="tabel">
                      <input id="in1"><inputExpression id="ie1" typeRef="string" expressionLanguage="javascript">
                        <text>java.lang.Runtime.getRuntime()</text></inputExpression></input>
                      <input id="in2"><inputExpression id="ie2" typeRef="string" expressionLanguage="juel">
                        <text>jdbcTemplate.queryForList('select 1')</text></inputExpression></input>
                      <output id="out" name="uit" typeRef="string"/>
                    </decisionTable>
                  </decision>
                </definitions>""";
        assertThat(rules.check(Map.of("besluit.dmn", utf8(dmn)))).extracting(Violation::field)
                .containsOnly("ie1", "ie2");
    }

    @Test
    void theLoonsanctieRiskTableMayHoldFeelOnlyInAnyNamespaceCamundaAccepts() {
        String table = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                    xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="d" name="d" namespace="n"%s>
                  <decision id="loonsanctie-risico" name="Risico" camunda:historyTimeToLive="P1D" camunda:versionTag="1">
                    <decisionTable id="tabel" hitPolicy="COLLECT">
                      <input id="in1"><inputExpression id="ie1" typeRef="number"%s>
                        <text>gemisteTermijnen</text></inputExpression></input>
                      <output id="out" name="code" typeRef="string"/>
                      <rule id="regel"><inputEntry id="ie-regel"><text>&gt; 0</text></inputEntry>
                        <outputEntry id="oe-regel"><text>"TERMIJN"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>""";
        assertThat(rules.check(Map.of("r.dmn", utf8(table.formatted("", " expressionLanguage=\"juel\"")))))
                .containsExactly(new Violation("ie1", "expression language 'juel' is not allowed in decision"
                        + " 'loonsanctie-risico': it is evaluated for every open case and may hold FEEL only"));
        assertThat(rules.check(Map.of("r.dmn", utf8(table.formatted(" expressionLanguage=\"juel\"", "")))))
                .extracting(Violation::field).contains("loonsanctie-risico");
        for (String feel : List.of("feel", "FEEL", "http://www.omg.org/spec/FEEL/20140401",
                "http://www.omg.org/spec/DMN/20180521/FEEL/", "https://www.omg.org/spec/DMN/20191111/FEEL/",
                "https://www.omg.org/spec/DMN/20211108/FEEL/", "https://www.omg.org/spec/DMN/20230324/FEEL/")) {
            assertThat(rules.check(Map.of("r.dmn", utf8(table.formatted(" expressionLanguage=\"" + feel + "\"",
                    " expressionLanguage=\"" + feel + "\""))))).as(feel).isEmpty();
        }
        // another decision may still use JUEL under the expression rules
        assertThat(rules.check(Map.of("r.dmn", utf8(table.formatted("", " expressionLanguage=\"juel\"")
                .replace("loonsanctie-risico", "ander-besluit"))))).isEmpty();
    }

    @Test
    void otherResourcesAndDoctypesAreRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&x;</bpmn:definitions>""";
        assertThat(rules.check(Map.of("x.bpmn", utf8(xxe), "tasklist.html", utf8("<script>alert(1)</script>"))))
                .extracting(Violation::field).containsExactly("tasklist.html", "x.bpmn");
    }

    @Test
    void aModelActsOnlyOnItsOwnCaseThroughModelBeans() {
        String otherCase = Models.process("proef", """
                    <bpmn:startEvent id="start" name="Start"/>
                    <bpmn:sequenceFlow id="toCall" sourceRef="start" targetRef="aanroepen"/>
                    <bpmn:callActivity id="aanroepen" name="Aanroepen" calledElement="proef"
                        camunda:calledElementBinding="latest">
                      <bpmn:extensionElements><camunda:in businessKey="#{'ZV-2026-6C9247B7'}"/></bpmn:extensionElements>
                    </bpmn:callActivity>
                    <bpmn:sequenceFlow id="toEnd" sourceRef="aanroepen" targetRef="end"/>
                    <bpmn:endEvent id="end" name="Einde"/>""");
        assertThat(check(otherCase)).extracting(Violation::field).containsExactly("aanroepen");
        assertThat(check(otherCase.replace("#{'ZV-2026-6C9247B7'}", "#{execution.processBusinessKey}"))).isEmpty();
        String delegate = Models.process("proef", """
                    <bpmn:startEvent id="start" name="Start"/>
                    <bpmn:sequenceFlow id="toTask" sourceRef="start" targetRef="berekenen"/>
                    <bpmn:serviceTask id="berekenen" name="Berekenen" camunda:delegateExpression="%s"/>
                    <bpmn:sequenceFlow id="toEnd" sourceRef="berekenen" targetRef="end"/>
                    <bpmn:endEvent id="end" name="Einde"/>""");
        assertThat(check(delegate.formatted("${caseClosing}"))).isEmpty();
        assertThat(check(delegate.formatted("${eenVariabele}"))).extracting(Violation::rule)
                .containsExactly("a delegateExpression names one model bean, such as ${caseClosing}");
        assertThat(check(delegate.replace("camunda:delegateExpression=\"%s\"", "camunda:type=\"external\""
                + " camunda:topic=\"t\""))).extracting(Violation::rule).containsExactly("external tasks are not allowed");
    }

    @Test
    void aProcessDeployedWithoutItsFormsIsRefusedNamingEveryFormFileToInclude() {
        Map<String, byte[]> platform = Models.platformDeployment();
        deployed.put("DECISION/spoor-2-inzetten", List.of(new DeployedVersion(1, "1.0.0", () -> new byte[0])));
        deployed.put("PROCESS/spoor-2-traject", List.of(new DeployedVersion(1, "1.3.1", () -> new byte[0])));
        byte[] poortwachter = platform.get("processes/poortwachter.bpmn");
        List<Violation> refused = rules.check(Map.of("poortwachter.bpmn", poortwachter));
        assertThat(refused).extracting(Violation::field).allMatch(field -> field.endsWith(".form"))
                .contains("probleemanalyse-opstellen.form", "ziekmelding-registreren.form")
                .doesNotContain("plan-spoor-2-opstellen.form"); // a form of spoor-2-traject, not of poortwachter
        assertThat(refused).contains(new Violation("probleemanalyse-opstellen.form", "include this form in the"
                + " deployment: poortwachter.bpmn (probleemanalyseOpstellen) uses it with formRefBinding deployment"));

        Map<String, byte[]> withForms = new HashMap<>(Map.of("poortwachter.bpmn", poortwachter));
        refused.forEach(violation -> withForms.put(violation.field(), platform.get("forms/" + violation.field())));
        assertThat(rules.check(withForms)).as("exactly these files complete it").isEmpty();
    }

    @Test
    void aFormBindingIsDeploymentLatestOrVersionAndFindsItsForm() {
        String tasks = """
                <bpmn:userTask id="zonderBinding" name="a" camunda:candidateGroups="werkgever"
                    camunda:formRef="al-gedeployd-formulier"/>
                <bpmn:userTask id="versieTag" name="b" camunda:candidateGroups="werkgever"
                    camunda:formRef="al-gedeployd-formulier" camunda:formRefBinding="versionTag"/>
                <bpmn:userTask id="versieBestaat" name="c" camunda:candidateGroups="werkgever"
                    camunda:formRef="al-gedeployd-formulier" camunda:formRefBinding="version"
                    camunda:formRefVersion="1"/>
                <bpmn:userTask id="versieOntbreekt" name="d" camunda:candidateGroups="werkgever"
                    camunda:formRef="al-gedeployd-formulier" camunda:formRefBinding="version"
                    camunda:formRefVersion="2"/>
                <bpmn:userTask id="nieuwsteHier" name="e" camunda:candidateGroups="werkgever"
                    camunda:formRef="proef-formulier" camunda:formRefBinding="latest"/>""";
        assertThat(check(Models.process("proef", tasks))).extracting(Violation::field)
                .containsExactly("zonderBinding", "versieTag", "versieOntbreekt");
    }

    @Test
    void aDecisionOrCalledProcessStatesItsBindingAndFindsWhatItNames() {
        String references = """
                <bpmn:businessRuleTask id="zonderBinding" name="a" camunda:decisionRef="besluit"/>
                <bpmn:businessRuleTask id="dezeDeployment" name="b" camunda:decisionRef="besluit"
                    camunda:decisionRefBinding="deployment"/>
                <bpmn:businessRuleTask id="nieuwste" name="c" camunda:decisionRef="besluit"
                    camunda:decisionRefBinding="latest"/>
                <bpmn:businessRuleTask id="nieuwsteNergens" name="d" camunda:decisionRef="nergens"
                    camunda:decisionRefBinding="latest"/>
                <bpmn:businessRuleTask id="versieTag" name="e" camunda:decisionRef="besluit"
                    camunda:decisionRefBinding="versionTag" camunda:decisionRefVersionTag="1.0.0"/>
                <bpmn:businessRuleTask id="versieTagOntbreekt" name="f" camunda:decisionRef="besluit"
                    camunda:decisionRefBinding="versionTag" camunda:decisionRefVersionTag="2.0.0"/>
                <bpmn:callActivity id="aanroepZonderBinding" name="g" calledElement="elders"/>
                <bpmn:callActivity id="aanroepNieuwste" name="h" calledElement="elders"
                    camunda:calledElementBinding="latest"/>
                <bpmn:callActivity id="aanroepDezeDeployment" name="i" calledElement="elders"
                    camunda:calledElementBinding="deployment"/>""";
        deployed.put("DECISION/besluit", List.of(new DeployedVersion(3, "1.0.0", () -> new byte[0])));
        deployed.put("PROCESS/elders", List.of(new DeployedVersion(1, "1", () -> new byte[0])));
        List<Violation> refused = check(Models.process("proef", references));
        assertThat(refused).extracting(Violation::field).containsExactly("zonderBinding", "dezeDeployment",
                "nieuwsteNergens", "versieTagOntbreekt", "aanroepZonderBinding", "aanroepDezeDeployment");
        assertThat(refused.get(0).rule()).isEqualTo("camunda:decisionRefBinding must be stated, one of deployment,"
                + " latest, version, versionTag: which version of 'besluit' running cases use is a choice per"
                + " reference");
        assertThat(refused.get(1).rule()).isEqualTo("decision 'besluit' is not in this deployment"
                + " (decisionRefBinding deployment): include besluit.dmn");
    }

    @Test
    void aChangedModelCarriesAHigherVersionTag() {
        String v1 = Models.process("proef", "camunda:historyTimeToLive=\"P30D\" camunda:versionTag=\"1.4.0\"",
                "<bpmn:startEvent id=\"start\" name=\"Start\"/>");
        String changed = v1.replace("name=\"Start\"", "name=\"Begin\"");
        deployed.put("PROCESS/proef", List.of(new DeployedVersion(2, "1.4.0", () -> utf8(v1)),
                new DeployedVersion(1, "1.3.0", () -> utf8(v1.replace("1.4.0", "1.3.0").replace("Start", "Oud")))));

        assertThat(check(v1)).as("unchanged: duplicate filtering").isEmpty();
        assertThat(check(v1.replace("\n", "\r\n"))).as("other line endings only").isEmpty();
        assertThat(check(changed)).containsExactly(new Violation("proef", "differs from the deployed version 2"
                + " (versionTag 1.4.0) but has versionTag 1.4.0: verhoog versionTag (raise it above 1.4.0) with every"
                + " change"));
        assertThat(check(changed.replace("1.4.0", "1.3.9"))).extracting(Violation::field).containsExactly("proef");
        assertThat(check(changed.replace("1.4.0", "1.4.1"))).isEmpty();
        assertThat(check(changed.replace("1.4.0", "1.10"))).isEmpty();
        assertThat(check(v1.replace("1.4.0", "1.3.0").replace("Start", "Oud"))).as("back to version 1 as it was")
                .isEmpty();
        assertThat(check(changed.replace("1.4.0", "volgende"))).extracting(Violation::rule)
                .containsExactly("versionTag 'volgende' must be a version number x.y.z (such as 1.4.0)");
    }

    @Test
    void aVersionTagWithSpacesIsRefusedAndAMalformedLatestTagDoesNotSwitchTheRuleOff() {
        String v1 = Models.process("proef", "camunda:historyTimeToLive=\"P30D\" camunda:versionTag=\"1.4.0\"",
                "<bpmn:startEvent id=\"start\" name=\"Start\"/>");
        String changed = v1.replace("name=\"Start\"", "name=\"Begin\"");
        deployed.put("PROCESS/proef", List.of(new DeployedVersion(1, "1.4.0", () -> utf8(v1))));
        assertThat(check(changed.replace("\"1.4.0\"", "\" 9.0.0\""))).extracting(Violation::rule)
                .containsExactly("versionTag ' 9.0.0' must be a version number x.y.z (such as 1.4.0), without spaces"
                        + " around it");

        // Deployed before the rule (or straight through the engine): the newest tag is not a version number.
        deployed.put("PROCESS/proef", List.of(new DeployedVersion(3, " 9.0.0", () -> utf8(v1)),
                new DeployedVersion(2, "1.4.0", () -> utf8(v1.replace("Start", "Oud")))));
        assertThat(check(changed)).as("compared with the highest well-formed tag").extracting(Violation::rule)
                .containsExactly("differs from the deployed version 2 (versionTag 1.4.0) but has versionTag 1.4.0:"
                        + " verhoog versionTag (raise it above 1.4.0) with every change");
        assertThat(check(changed.replace("1.4.0", "1.5.0"))).isEmpty();
    }

    @Test
    void aChangedDecisionCarriesAHigherVersionTag() {
        String dmn = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                    xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="d" name="d" namespace="n">
                  <decision id="besluit" name="Besluit" camunda:historyTimeToLive="P1D" camunda:versionTag="1.0.0">
                    <decisionTable id="tabel"><output id="out" name="uit" typeRef="string"/></decisionTable>
                  </decision>
                </definitions>""";
        deployed.put("DECISION/besluit", List.of(new DeployedVersion(1, "1.0.0", () -> utf8(dmn))));
        String edited = dmn.replace("name=\"uit\"", "name=\"uitkomst\"");
        assertThat(rules.check(Map.of("besluit.dmn", utf8(edited)))).extracting(Violation::field, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("besluit", "differs from the deployed version 1"
                        + " (versionTag 1.0.0) but has versionTag 1.0.0: verhoog versionTag (raise it above 1.0.0)"
                        + " with every change"));
        assertThat(rules.check(Map.of("besluit.dmn", utf8(edited.replace("1.0.0", "1.1.0"))))).isEmpty();
    }

    @Test
    void versionNumbersCompareByNumberNotByText() {
        assertThat(DeploymentRules.compareVersions("1.10.0", "1.9.2")).isPositive();
        assertThat(DeploymentRules.compareVersions("1.4", "1.4.0")).isZero();
        assertThat(DeploymentRules.compareVersions("2", "1.99.99")).isPositive();
        assertThat(DeploymentRules.compareVersions("1.4.0", "1.4.1")).isNegative();
    }

    /** The rules for a protocol of one employer: nothing of its own deployed yet, the platform's models shared. */
    private DeploymentRules forOneEmployer() {
        Map<String, byte[]> platform = Models.platformDeployment();
        return new DeploymentRules(new ExpressionCheck(OTHER_BEANS::contains), (kind, key) -> List.of(),
                Stream.of(new CasePhaseVocabulary(), new RivPartVocabulary()).collect(Collectors.toMap(
                        TaskPropertyVocabulary::property, TaskPropertyVocabulary::values)),
                (kind, key) -> platform.entrySet().stream()
                        .filter(resource -> resource.getKey().equals("processes/" + key + ".bpmn")
                                || resource.getKey().equals("processes/" + key + ".dmn"))
                        .map(resource -> new DeployedVersion(1, "1.0.0", resource::getValue)).toList());
    }

    @Test
    void anEmployersProtocolMayBeTheSharedModelItselfAndMayAddAStep() {
        assertThat(forOneEmployer().check(Models.platformDeployment())).isEmpty();
        Map<String, byte[]> variant = ProtocolVariants.deployment(ProtocolVariants.withExtraTask());
        assertThat(forOneEmployer().check(variant)).isEmpty();
    }

    @Test
    void anEmployersProtocolThatDropsALegalTimerOrBindsAFormToLatestIsRefused() {
        Map<String, byte[]> platform = Models.platformDeployment();
        String model = new String(platform.get("processes/poortwachter.bpmn"));
        platform.put("processes/poortwachter.bpmn", utf8(model.replace("id=\"wachttijdVerstreken\"", "id=\"wachttijdVoorbij\"")
                .replaceFirst("camunda:formRef=\"probleemanalyse-opstellen\" camunda:formRefBinding=\"deployment\"",
                        "camunda:formRef=\"probleemanalyse-opstellen\" camunda:formRefBinding=\"latest\"")));
        assertThat(forOneEmployer().check(platform)).extracting(Violation::field)
                .contains("wachttijdVerstreken", "probleemanalyseOpstellen");
        assertThat(forOneEmployer().check(platform)).anySatisfy(violation -> assertThat(violation.rule())
                .contains("a form is bound to its deployment"));
    }

    private List<Violation> check(String bpmn) {
        return rules.check(Map.of("proef.bpmn", utf8(bpmn), "proef-formulier.form", utf8(Models.FORM)));
    }
}
