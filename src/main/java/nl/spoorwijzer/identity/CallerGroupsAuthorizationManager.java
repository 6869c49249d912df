package nl.spoorwijzer.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager, without one query that grows with the open cases. Before every authorization
 * check Camunda narrows the caller's groups to those that have any authorization at all, and to know them it reads
 * {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION} — once per command, a scan of every authorization,
 * and every open task has one per candidate group (6 ms per command at 10,000 open cases, a Tasklist page runs four
 * commands). Narrowing only shortens the IN list of the check: a group without authorizations matches no row either
 * way, so for callers with few groups (Spoorwijzer's users have one role) the groups are used as they are. Callers
 * with many groups (a directory with hundreds) keep the engine's narrowing.
 */
class CallerGroupsAuthorizationManager extends AuthorizationManager {

    static final int MAX_GROUPS_USED_AS_THEY_ARE = 20;

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
        if (authenticatedGroupIds == null || authenticatedGroupIds.size() > MAX_GROUPS_USED_AS_THEY_ARE) {
            return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
        }
        return new ArrayList<>(authenticatedGroupIds);
    }

    /** Registered in place of the engine's factory for {@link AuthorizationManager} sessions. */
    static final class Factory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
            return new CallerGroupsAuthorizationManager();
        }
    }
}
