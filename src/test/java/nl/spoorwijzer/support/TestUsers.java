package nl.spoorwijzer.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Users that tests need besides the demo users; the password equals the id. */
public final class TestUsers {

    private TestUsers() {
    }

    /** A user with no group, tenant or grant: sees nothing. */
    public static void ensureUserWithoutRights(IdentityService identityService, String id) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword(id);
            identityService.saveUser(user);
        }
    }
}
