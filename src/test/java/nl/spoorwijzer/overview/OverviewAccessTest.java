package nl.spoorwijzer.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Set;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.VisibleCases;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.system.Refusal;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.system.Violation;
import org.junit.jupiter.api.Test;

/** The one gate of the overview, deadlines and risks: who gets figures, who gets lists with names, over whom. */
class OverviewAccessTest {

    private static final String REFUSAL = "the list of deadlines is for the werkgever";

    @Test
    void theWerkgeverGetsFiguresAndListsOverHisOwnEmployersOnly() {
        OverviewAccess gate = gate(caller(Role.WERKGEVER, true, "acme-bouw"));
        assertThat(gate.figures(null, REFUSAL)).isEqualTo(new OverviewAccess.Employers(List.of("acme-bouw"), false));
        assertThat(gate.caseLists("acme-bouw", REFUSAL).ids()).containsExactly("acme-bouw");
        assertThat(gate.caseLists(null, REFUSAL).idsOrNullForEvery()).containsExactly("acme-bouw");
        assertThat(refusal(() -> gate.figures("zorggroep-noord", REFUSAL))).isEqualTo(new Violation("employer",
                "only an employer whose cases you may see"));
        assertThat(refusal(() -> gate.caseLists(" ", REFUSAL)).field()).isEqualTo("employer");
        assertThat(gate.callerSeesAggregatesOnly()).isFalse();
    }

    @Test
    void managementGetsFiguresOverItsEmployersButNoList() {
        OverviewAccess gate = gate(caller(Role.MANAGEMENT, false, "acme-bouw", "zorggroep-noord"));
        assertThat(gate.figures(null, REFUSAL).ids()).containsExactly("acme-bouw", "zorggroep-noord");
        assertThat(refusal(() -> gate.caseLists(null, REFUSAL))).isEqualTo(new Violation("caller", REFUSAL));
        assertThat(refusal(() -> gate.caseLists("acme-bouw", REFUSAL)).field()).as("refused before any filter")
                .isEqualTo("caller");
        assertThat(gate.callerSeesAggregatesOnly()).isTrue();
    }

    @Test
    void aWerkgeverWhomTheEngineDoesNotGrantEveryCaseGetsNoList() {
        OverviewAccess gate = gate(caller(Role.WERKGEVER, false, "acme-bouw"));
        assertThat(gate.figures(null, REFUSAL).ids()).containsExactly("acme-bouw");
        assertThat(refusal(() -> gate.caseLists(null, REFUSAL)).field()).isEqualTo("caller");
    }

    @Test
    void partiesOfSingleCasesGetNeitherWithTheEndpointsOwnRefusal() {
        for (Role role : List.of(Role.WERKNEMER, Role.BEDRIJFSARTS, Role.PROCESBEHEERDER)) {
            OverviewAccess gate = gate(caller(role, false, "acme-bouw"));
            assertThat(refusal(() -> gate.figures(null, "deadline figures are for the werkgever and management")))
                    .as(role.name()).isEqualTo(new Violation("caller",
                            "deadline figures are for the werkgever and management"));
            assertThat(refusal(() -> gate.caseLists(null, REFUSAL)).field()).as(role.name()).isEqualTo("caller");
            assertThat(refusal(gate::employers).rule()).isEqualTo(OverviewAccess.OVERVIEW);
        }
    }

    @Test
    void theAdministratorWithoutAFilterCoversEveryEmployer() {
        CaseAccess access = caller(null, true, "acme-bouw", "zorggroep-noord");
        when(access.callerIsAdmin()).thenReturn(true);
        OverviewAccess gate = gate(access);
        assertThat(gate.figures(null, REFUSAL).idsOrNullForEvery()).isNull();
        assertThat(gate.caseLists(null, REFUSAL).every()).isTrue();
        assertThat(gate.caseLists("acme-bouw", REFUSAL)).isEqualTo(
                new OverviewAccess.Employers(List.of("acme-bouw"), false));
        assertThat(refusal(() -> gate.figures("elders-bv", REFUSAL)).field()).isEqualTo("employer");
        assertThat(gate.callerSeesAggregatesOnly()).isFalse();
    }

    private static OverviewAccess gate(CaseAccess access) {
        return new OverviewAccess(access);
    }

    /** A caller in one role's group, whom the engine grants every case of his employers with contents or not. */
    private static CaseAccess caller(Role role, boolean readsEveryCase, String... employers) {
        CaseAccess access = mock(CaseAccess.class);
        if (role != null) {
            when(access.callerActsAs(role)).thenReturn(true);
        }
        when(access.visibleCases()).thenReturn(readsEveryCase ? null : instances -> Set.of());
        when(access.listsContents()).thenReturn(readsEveryCase);
        when(access.visibleEmployers()).thenReturn(List.of(employers));
        return access;
    }

    /** The one violation a refused call names; 403 (not allowed) unless it refused a blank employer (400). */
    private static Violation refusal(Runnable call) {
        RuleViolationException refused = catchThrowableOfType(RuleViolationException.class, call::run);
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.violations()).hasSize(1);
        Violation violation = refused.violations().get(0);
        assertThat(refused.refusal()).as(violation.toString()).isEqualTo(violation.rule().startsWith("an employer id")
                ? Refusal.INVALID : Refusal.NOT_ALLOWED);
        return violation;
    }
}
