package nl.spoorwijzer.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who still signs in with a local password once the organisation's identity provider is on (an issuer set,
 * {@link TokenLoginSettings}): only the technical accounts, the members of one Camunda group
 * ({@code spoorwijzer.security.oidc.technical-accounts-group}) — Camunda Modeler's deploy account, other systems. A
 * person's local password would skip the second factor the provider enforces. With
 * {@code spoorwijzer.security.local-passwords-allowed=true}, or without an issuer, every local password counts as
 * before.
 * <p>
 * Enforced in the engine, where every password is checked ({@link LocalPasswordIdentityProvider}): HTTP Basic on
 * {@code /api} and {@code /engine-rest}, Camunda's login form, {@code /engine-rest/identity/verify}. The other way
 * round, {@link TokenClaims} refuses a token or browser sign-in whose user id is a technical account.
 */
@Component
public class LocalPasswordPolicy extends AbstractProcessEnginePlugin {

    private final boolean onlyTechnicalAccounts;
    private final String technicalAccountsGroup;

    LocalPasswordPolicy(TokenLoginSettings settings,
                        @Value("${" + DefaultPasswordGuard.LOCAL_PASSWORDS_PROPERTY + ":false}") boolean allowed) {
        this.onlyTechnicalAccounts = settings.enabled() && !allowed;
        this.technicalAccountsGroup = settings.technicalAccountsGroup();
    }

    /** True when a local password counts only for a technical account. */
    public boolean onlyTechnicalAccounts() {
        return onlyTechnicalAccounts;
    }

    /** The technical accounts' group id, null when none is configured (then no local password counts at all). */
    public String technicalAccountsGroup() {
        return technicalAccountsGroup;
    }

    /** Whether the user id is a member of the technical accounts' group. */
    static boolean isTechnicalAccount(IdentityService identityService, String group, String userId) {
        return group != null && userId != null
                && identityService.createUserQuery().userId(userId).memberOfGroup(group).count() > 0;
    }

    /** Every password check of the engine goes through the policy, when it restricts anything. */
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (onlyTechnicalAccounts) {
            configuration.setIdentityProviderSessionFactory(new LocalPasswordIdentityProvider.Factory(
                    technicalAccountsGroup));
        }
    }
}
