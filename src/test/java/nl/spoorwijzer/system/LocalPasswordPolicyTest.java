package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The engine's password check while the identity provider is on: a technical account's password counts, a person's
 * is refused whether right or wrong — in one engine, as every channel (HTTP Basic on both APIs, Camunda's login form)
 * asks it.
 */
@ExtendWith(OutputCaptureExtension.class)
class LocalPasswordPolicyTest {

    private static final String ISSUER = "https://login.example.org/realms/spoorwijzer";
    private static ProcessEngine engine;
    private static IdentityService identityService;

    @BeforeAll
    static void engineWithTheIdentityProviderOn() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:local-password-policy;DB_CLOSE_DELAY=-1")
                .setProcessEngineName("local-password-policy")
                .setJobExecutorActivate(false);
        // As application.yaml: ids with inner hyphens (technische-accounts, modeler-deploy).
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*|camunda-admin");
        configuration.setProcessEnginePlugins(List.of(policy(ISSUER, false, "technische-accounts")));
        engine = configuration.buildProcessEngine();
        identityService = engine.getIdentityService();
        Group technical = identityService.newGroup("technische-accounts");
        technical.setType("SYSTEM");
        identityService.saveGroup(technical);
        user("modeler-deploy", "lang-en-willekeurig");
        user("anna", "anna");
        user("nood-admin", "ook-lang-en-willekeurig");
        identityService.createMembership("modeler-deploy", "technische-accounts");
        Group administrators = identityService.newGroup(Groups.CAMUNDA_ADMIN);
        administrators.setType("SYSTEM");
        identityService.saveGroup(administrators);
        identityService.createMembership("nood-admin", "technische-accounts");
        identityService.createMembership("nood-admin", Groups.CAMUNDA_ADMIN);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void aTechnicalAccountsPasswordCountsAndOnlyTheRightOne() {
        assertThat(identityService.checkPassword("modeler-deploy", "lang-en-willekeurig")).isTrue();
        assertThat(identityService.checkPassword("modeler-deploy", "fout")).isFalse();
    }

    @Test
    void aPersonsLocalPasswordIsRefusedEvenWhenRightWithTheReasonLoggedButNotThePassword(CapturedOutput output) {
        assertThat(identityService.checkPassword("anna", "anna")).isFalse();
        assertThat(identityService.checkPassword("niemand", "niemand")).isFalse();

        assertThat(output.getAll()).contains("Local password of 'anna' refused")
                .contains("'technische-accounts'").doesNotContain("'niemand'");
        // Not checked, so not counted against the account: no lock for a password that cannot be used anyway.
        assertThat(((UserEntity) identityService.createUserQuery().userId("anna").singleResult()).getAttempts())
                .isZero();
    }

    @Test
    void anAdministratorsPasswordIsRefusedEvenInTheTechnicalAccountsGroup() {
        // The widest rights with a password alone would skip the second factor; a break-glass sign-in allows local
        // passwords for the occasion instead.
        assertThat(identityService.checkPassword("nood-admin", "ook-lang-en-willekeurig")).isFalse();
    }

    @Test
    void withoutAnIssuerOrWithLocalPasswordsAllowedTheEnginesOwnCheckStays() {
        for (LocalPasswordPolicy asBefore : List.of(policy(null, false, "technische-accounts"),
                policy(" ", false, "technische-accounts"), policy(ISSUER, true, "technische-accounts"))) {
            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                    .createStandaloneInMemProcessEngineConfiguration();
            asBefore.preInit(configuration);

            assertThat(asBefore.onlyTechnicalAccounts()).isFalse();
            assertThat(configuration.getIdentityProviderSessionFactory()).isNull();
        }
        LocalPasswordPolicy on = policy(ISSUER, false, "technische-accounts");
        assertThat(on.onlyTechnicalAccounts()).isTrue();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration();
        on.preInit(configuration);
        assertThat(configuration.getIdentityProviderSessionFactory())
                .isInstanceOf(LocalPasswordIdentityProvider.Factory.class);
    }

    @Test
    void withoutATechnicalAccountsGroupNoLocalPasswordCounts() {
        LocalPasswordPolicy noGroup = policy(ISSUER, false, " ");

        assertThat(noGroup.onlyTechnicalAccounts()).isTrue();
        assertThat(noGroup.technicalAccountsGroup()).isNull();
        assertThat(LocalPasswordPolicy.isTechnicalAccount(identityService, noGroup.technicalAccountsGroup(),
                "modeler-deploy")).isFalse();
        boolean counted = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(context -> new LocalPasswordIdentityProvider(
                        noGroup.technicalAccountsGroup()).checkPassword("modeler-deploy", "lang-en-willekeurig"));
        assertThat(counted).isFalse();
    }

    private static LocalPasswordPolicy policy(String issuer, boolean localPasswordsAllowed, String technicalGroup) {
        return new LocalPasswordPolicy(new TokenLoginSettings(issuer, null, "spoorwijzer", "preferred_username",
                "groups", "organisation", "tenants", technicalGroup, null), localPasswordsAllowed);
    }

    private static void user(String id, String password) {
        User user = identityService.newUser(id);
        user.setPassword(password);
        identityService.saveUser(user);
    }
}
