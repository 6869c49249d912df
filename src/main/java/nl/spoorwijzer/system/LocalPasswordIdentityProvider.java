package nl.spoorwijzer.system;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's own user store, with one change while the identity provider is on ({@link LocalPasswordPolicy}): the
 * password of a user outside the technical accounts' group is refused without being looked at — the caller gets the
 * same answer as for a wrong password, so nothing tells whether the password was right. The account's failed-login
 * count is left alone (a person's local password cannot be guessed into use here). Every password check of the
 * engine comes here: {@code IdentityService.checkPassword}, used by HTTP Basic on both APIs, by Camunda's login form
 * and by {@code /engine-rest/identity/verify}.
 */
class LocalPasswordIdentityProvider extends DbIdentityServiceProvider {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPasswordIdentityProvider.class);

    private final String technicalAccountsGroup;

    LocalPasswordIdentityProvider(String technicalAccountsGroup) {
        this.technicalAccountsGroup = technicalAccountsGroup;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        UserEntity user = userId == null ? null : findUserById(userId);
        if (user != null && !technicalAccount(userId)) {
            LOG.warn("Local password of '{}' refused: the identity provider is on, and only members of the group '{}'"
                            + " (technical accounts, not administrators) still sign in with a local password; a person"
                            + " signs in at the identity provider", LoginThrottle.printable(userId),
                    LoginThrottle.printable(technicalAccountsGroup));
            if (password != null) {
                // The hash is computed all the same: the answer's timing must not tell technical accounts apart.
                matchPassword(password, user);
            }
            return false;
        }
        return super.checkPassword(userId, password);
    }

    /**
     * A member of the technical accounts' group that is not an administrator: an administrator's account with only a
     * password would skip the second factor for the widest rights (a break-glass account: allow local passwords for
     * the occasion, {@code spoorwijzer.security.local-passwords-allowed}).
     */
    private boolean technicalAccount(String userId) {
        return technicalAccountsGroup != null
                && createUserQuery(Context.getCommandContext()).userId(userId).memberOfGroup(technicalAccountsGroup)
                .count() > 0
                && createUserQuery(Context.getCommandContext()).userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN)
                .count() == 0;
    }

    /** Opens one per command context, as Camunda's own factory does for its user store. */
    record Factory(String technicalAccountsGroup) implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return LocalPasswordIdentityProvider.class;
        }

        @Override
        public Session openSession() {
            return new LocalPasswordIdentityProvider(technicalAccountsGroup);
        }
    }
}
