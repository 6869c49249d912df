package nl.spoorwijzer.identity;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;

/** How the directory's people and employers are named to a reader: first and last name; the tenant's name. */
public final class DisplayNames {

    private DisplayNames() {
    }

    /** "Kees van Dijk" for user {@code kees}; the id when the directory has no name for him. */
    public static String of(User user) {
        String name = Stream.of(user.getFirstName(), user.getLastName()).filter(part -> part != null
                && !part.isBlank()).map(String::trim).collect(Collectors.joining(" "));
        return name.isEmpty() ? user.getId() : name;
    }

    /** The employer's name (its tenant's); the tenant id when it has none. */
    public static String of(Tenant tenant) {
        return tenant.getName() == null || tenant.getName().isBlank() ? tenant.getId() : tenant.getName();
    }
}
