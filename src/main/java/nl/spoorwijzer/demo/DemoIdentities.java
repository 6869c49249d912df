package nl.spoorwijzer.demo;

import java.util.List;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.system.TokenLoginSettings;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo employers (tenants) and one user per role, password equal to the user id. Only in the {@code demo}
 * profile, which is the default of the embedded platform and never active in production profiles. With the identity
 * provider on (an issuer set, e.g. {@code demo,oidc}) also Camunda Modeler's deploy account {@code modeler-deploy}:
 * then only technical accounts sign in with a local password (system/LocalPasswordPolicy), and the demo users sign
 * in at the provider. Idempotent: existing tenants, users and memberships are kept.
 */
@Component
@Profile("demo")
@Order(2)
class DemoIdentities implements ApplicationRunner {

    static final String ACME = "acme-bouw";
    static final String ZORGGROEP = "zorggroep-noord";

    record DemoUser(String id, String firstName, String lastName, Role role, List<String> tenants,
                    String organisation) {

        DemoUser(String id, String firstName, String lastName, Role role, List<String> tenants) {
            this(id, firstName, lastName, role, tenants, null);
        }
    }

    /** An outside organisation: its group's type is the kind ({@link Role#organisationType()}). */
    record DemoOrganisation(String id, String name, Role role, List<String> employers) {
    }

    static final String ARBO_WEST = "arbo-west";
    static final String ARBO_NOORD = "arbo-noord";
    static final String AD_OOST = "ad-oost";
    static final String WERKFIT = nl.spoorwijzer.simulation.SimulatedAnswers.BUREAU;
    static final String NIEUWE_KANSEN = nl.spoorwijzer.simulation.SimulatedAnswers.OTHER_BUREAU;

    /**
     * Two arbodiensten, one per employer; one practice of arbeidsdeskundigen and two re-integratiebedrijven serving
     * both employers, so that what each professional may see depends on the cases, not only on the employer.
     */
    static final List<DemoOrganisation> ORGANISATIONS = List.of(
            new DemoOrganisation(ARBO_WEST, "Arbodienst West", Role.BEDRIJFSARTS, List.of(ACME)),
            new DemoOrganisation(ARBO_NOORD, "ArboNoord", Role.BEDRIJFSARTS, List.of(ZORGGROEP)),
            new DemoOrganisation(AD_OOST, "Arbeidsdeskundigen Oost", Role.ARBEIDSDESKUNDIGE, List.of(ACME, ZORGGROEP)),
            new DemoOrganisation(WERKFIT, "WerkFit Re-integratie", Role.RE_INTEGRATIEBUREAU, List.of(ACME, ZORGGROEP)),
            new DemoOrganisation(NIEUWE_KANSEN, "Nieuwe Kansen Loopbaan", Role.RE_INTEGRATIEBUREAU,
                    List.of(ACME, ZORGGROEP)));

    static final List<DemoUser> USERS = List.of(
            new DemoUser("anna", "Anna", "Jansen", Role.WERKGEVER, List.of(ACME)),
            new DemoUser("daan", "Daan", "de Boer", Role.WERKGEVER, List.of(ZORGGROEP)),
            new DemoUser("bram", "Bram", "Bakker", Role.WERKNEMER, List.of(ACME)),
            new DemoUser("carla", "Carla", "Visser", Role.WERKNEMER, List.of(ZORGGROEP)),
            // Professionals serve employers through their organisation (its tenant memberships).
            new DemoUser("eva", "Eva", "de Vries", Role.BEDRIJFSARTS, List.of(), ARBO_WEST),
            new DemoUser("wim", "Wim", "Koster", Role.BEDRIJFSARTS, List.of(), ARBO_NOORD),
            new DemoUser("frank", "Frank", "Mulder", Role.RE_INTEGRATIEBUREAU, List.of(), WERKFIT),
            new DemoUser("rosa", "Rosa", "Smits", Role.RE_INTEGRATIEBUREAU, List.of(), NIEUWE_KANSEN),
            new DemoUser("gert", "Gert", "Smit", Role.ARBEIDSDESKUNDIGE, List.of(), AD_OOST),
            new DemoUser("hanna", "Hanna", "Meijer", Role.PROCESBEHEERDER, List.of()),
            new DemoUser("ivo", "Ivo", "de Groot", Role.MANAGEMENT, List.of(ACME, ZORGGROEP)),
            // More employees, each with one demo case.
            new DemoUser("piet", "Piet", "Peters", Role.WERKNEMER, List.of(ACME)),
            new DemoUser("joris", "Joris", "Hendriks", Role.WERKNEMER, List.of(ACME)),
            new DemoUser("mohammed", "Mohammed", "El Amrani", Role.WERKNEMER, List.of(ACME)),
            new DemoUser("kees", "Kees", "van Dijk", Role.WERKNEMER, List.of(ACME)),
            new DemoUser("sanne", "Sanne", "Bos", Role.WERKNEMER, List.of(ZORGGROEP)),
            new DemoUser("ingrid", "Ingrid", "Kok", Role.WERKNEMER, List.of(ZORGGROEP)),
            new DemoUser("lisa", "Lisa", "de Wit", Role.WERKNEMER, List.of(ZORGGROEP)),
            new DemoUser("fatima", "Fatima", "Yilmaz", Role.WERKNEMER, List.of(ZORGGROEP)),
            // Employees without a case, to try a sick report.
            new DemoUser("tim", "Tim", "Vermeulen", Role.WERKNEMER, List.of(ACME)),
            new DemoUser("noor", "Noor", "Jacobs", Role.WERKNEMER, List.of(ZORGGROEP)));

    /** A technical account: deploys models from Camunda Modeler (process owner's grants), reads no case data. */
    static final DemoUser MODELER_ACCOUNT = new DemoUser("modeler-deploy", "Camunda Modeler", "(technisch account)",
            Role.PROCESBEHEERDER, List.of());

    private final IdentityService identityService;
    private final String adminUserId;
    private final TokenLoginSettings identityProvider;

    DemoIdentities(IdentityService identityService, @Value("${camunda.bpm.admin-user.id:demo}") String adminUserId,
                   TokenLoginSettings identityProvider) {
        this.identityService = identityService;
        this.adminUserId = adminUserId;
        this.identityProvider = identityProvider;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureEmployersAndOrganisations();
        for (DemoUser user : USERS) {
            ensureUser(user);
            ensureMembership(user.id(), user.role().groupId());
            if (user.organisation() != null) {
                ensureMembership(user.id(), user.organisation());
            }
            user.tenants().forEach(tenant -> ensureTenantMembership(tenant, user.id()));
        }
        ensureTenantMembership(ACME, adminUserId);
        ensureTenantMembership(ZORGGROEP, adminUserId);
        String technicalAccounts = identityProvider.technicalAccountsGroup();
        if (identityProvider.enabled() && technicalAccounts != null) {
            ensureTechnicalAccount(technicalAccounts);
        }
    }

    private void ensureTechnicalAccount(String technicalAccounts) {
        if (identityService.createGroupQuery().groupId(technicalAccounts).count() == 0) {
            Group group = identityService.newGroup(technicalAccounts);
            group.setName("Technische accounts");
            group.setType("SYSTEM");
            identityService.saveGroup(group);
        }
        ensureUser(MODELER_ACCOUNT);
        ensureMembership(MODELER_ACCOUNT.id(), MODELER_ACCOUNT.role().groupId());
        ensureMembership(MODELER_ACCOUNT.id(), technicalAccounts);
    }

    private void ensureTenant(String id, String name) {
        if (identityService.createTenantQuery().tenantId(id).count() == 0) {
            Tenant tenant = identityService.newTenant(id);
            tenant.setName(name);
            identityService.saveTenant(tenant);
        }
    }

    /** The demo employers and the organisations serving them (also before the demo cases are played). */
    void ensureEmployersAndOrganisations() {
        ensureTenant(ACME, "Acme Bouw B.V.");
        ensureTenant(ZORGGROEP, "Zorggroep Noord");
        ORGANISATIONS.forEach(this::ensureOrganisation);
    }

    private void ensureOrganisation(DemoOrganisation organisation) {
        if (identityService.createGroupQuery().groupId(organisation.id()).count() == 0) {
            Group group = identityService.newGroup(organisation.id());
            group.setName(organisation.name());
            group.setType(organisation.role().organisationType());
            identityService.saveGroup(group);
        }
        for (String employer : organisation.employers()) {
            if (identityService.createGroupQuery().groupId(organisation.id()).memberOfTenant(employer).count() == 0) {
                identityService.createTenantGroupMembership(employer, organisation.id());
            }
        }
    }

    private void ensureMembership(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(userId, groupId);
        }
    }

    private void ensureUser(DemoUser demo) {
        if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
            User user = identityService.newUser(demo.id());
            user.setFirstName(demo.firstName());
            user.setLastName(demo.lastName());
            user.setEmail(demo.id() + "@example.org");
            user.setPassword(demo.id());
            identityService.saveUser(user);
        }
    }

    private void ensureTenantMembership(String tenantId, String userId) {
        if (identityService.createUserQuery().userId(userId).count() > 0
                && identityService.createTenantQuery().tenantId(tenantId).userMember(userId).count() == 0) {
            identityService.createTenantUserMembership(tenantId, userId);
        }
    }
}
