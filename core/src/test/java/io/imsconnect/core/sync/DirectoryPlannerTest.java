package io.imsconnect.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.imsconnect.core.access.AccessPolicy;
import io.imsconnect.core.access.Suspension;
import io.imsconnect.core.mask.AssociationMask;
import io.imsconnect.core.mask.MaskSettings;
import io.imsconnect.core.sync.PlannedChange.Kind;

/** The directory plan, case by case: one operator, one directory answer, one expected change. */
class DirectoryPlannerTest {

    private static final String ORG = "A495E53C0123456789ABCDEF@AdobeOrg";
    private static final AccessPolicy POLICY = new AccessPolicy(
            AssociationMask.compile(new MaskSettings("Campaign - acme - (.*)", true)), ORG, "dma_campaign");
    private static final Set<String> GROUPS = Set.of("admin", "delivery", "content");
    private static final String DELIVERY = "Campaign - acme - delivery";
    private static final String CONTENT = "Campaign - acme - content";

    private static SyncedOperator alice(Suspension suspension, Set<String> mask) {
        return new SyncedOperator("alice", "ALICE@AdobeID", "Alice@acme.example", suspension, mask);
    }

    private static DirectoryUser user(String id, String email, String status, List<String> groups) {
        return new DirectoryUser(id, email, status, groups);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("in step: nothing", alice(null, Set.of("delivery")),
                        user("ALICE@AdobeID", "alice@acme.example", "active", List.of(DELIVERY)), null, Set.of(), Set.of()),
                Arguments.of("profile added and one removed", alice(null, Set.of("delivery")),
                        user("ALICE@AdobeID", null, "active", List.of(CONTENT, "Acme Marketing")),
                        Kind.GROUPS, Set.of("content"), Set.of("delivery")),
                Arguments.of("matched by e-mail ignoring case without id", alice(null, Set.of()),
                        user(null, "ALICE@ACME.EXAMPLE", "active", List.of(DELIVERY)),
                        Kind.GROUPS, Set.of("delivery"), Set.of()),
                Arguments.of("no profile that maps: suspended", alice(null, Set.of("delivery")),
                        user("ALICE@AdobeID", null, "active", List.of("Analytics - acme - reports")),
                        Kind.SUSPEND, Set.of(), Set.of("delivery")),
                Arguments.of("no groups field at all: suspended", alice(null, Set.of("delivery")),
                        user("ALICE@AdobeID", null, "active", null), Kind.SUSPEND, Set.of(), Set.of("delivery")),
                Arguments.of("locked: suspended", alice(null, Set.of("delivery")),
                        user("ALICE@AdobeID", null, "locked", List.of(DELIVERY)),
                        Kind.SUSPEND, Set.of(), Set.of("delivery")),
                Arguments.of("disabled: suspended", alice(null, Set.of()),
                        user("ALICE@AdobeID", null, "disabled", List.of(DELIVERY)), Kind.SUSPEND, Set.of(), Set.of()),
                Arguments.of("suspended and granted again: restored", alice(Suspension.LEFT_ORGANIZATION, Set.of()),
                        user("ALICE@AdobeID", null, "active", List.of(DELIVERY)),
                        Kind.RESTORE, Set.of("delivery"), Set.of()),
                Arguments.of("suspended, still not active: nothing", alice(Suspension.NOT_ACTIVE, Set.of()),
                        user("ALICE@AdobeID", null, "removed", List.of(DELIVERY)), null, Set.of(), Set.of()),
                Arguments.of("another id with the same e-mail: not her, she left", alice(null, Set.of("delivery")),
                        user("OTHER@AdobeID", "alice@acme.example", "active", List.of(DELIVERY)),
                        Kind.SUSPEND, Set.of(), Set.of("delivery")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void planWhenOneOperatorAndOneUserThenTheExpectedChange(String name, SyncedOperator operator, DirectoryUser user,
            Kind kind, Set<String> add, Set<String> remove) {
        SyncPlan plan = DirectoryPlanner.plan(POLICY, GROUPS, List.of(operator), List.of(user), false,
                SafetyCap.DEFAULT);

        if (kind == null) {
            assertThat(plan.changes()).isEmpty();
            return;
        }
        PlannedChange change = plan.changes().stream().filter(c -> "alice".equals(c.operator())).findFirst()
                .orElseThrow();
        assertThat(change.kind()).isEqualTo(kind);
        assertThat(change.add()).isEqualTo(add);
        assertThat(change.remove()).isEqualTo(remove);
    }

    @Test
    void planWhenOperatorNotListedThenSuspendedAsLeftTheOrganizationWithMaskGroupsRemoved() {
        SyncPlan plan = DirectoryPlanner.plan(POLICY, GROUPS, List.of(alice(null, Set.of("delivery", "admin"))),
                List.of(), false, SafetyCap.DEFAULT);

        assertThat(plan.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(Kind.SUSPEND);
            assertThat(change.suspension()).isEqualTo(Suspension.LEFT_ORGANIZATION);
            assertThat(change.remove()).containsExactly("admin", "delivery");
            assertThat(change.reason()).contains(ORG);
        });
    }

    @Test
    void planWhenEmailNamesTwoOperatorsThenReportedAndNeitherChangedNorSuspended() {
        SyncedOperator other = new SyncedOperator("alice-2", "ALICE2@AdobeID", "alice@acme.example", null,
                Set.of("delivery"));
        SyncPlan plan = DirectoryPlanner.plan(POLICY, GROUPS, List.of(alice(null, Set.of("delivery")), other),
                List.of(user(null, "alice@acme.example", "active", List.of(CONTENT))), false, SafetyCap.DEFAULT);

        assertThat(plan.changes()).extracting(PlannedChange::kind).containsExactly(Kind.AMBIGUOUS, Kind.AMBIGUOUS);
        assertThat(plan.changes()).allSatisfy(c -> assertThat(c.add()).isEmpty());
        assertThat(plan.takingAccess()).isZero();
    }

    @Test
    void planWhenTwoUsersWithoutIdShareOneOperatorsEmailThenReported() {
        SyncPlan plan = DirectoryPlanner.plan(POLICY, GROUPS, List.of(alice(null, Set.of())),
                List.of(user(null, "alice@acme.example", "active", List.of(DELIVERY)),
                        user(null, "ALICE@acme.example", "active", List.of(CONTENT))), false, SafetyCap.DEFAULT);

        assertThat(plan.changes()).extracting(PlannedChange::kind).containsExactly(Kind.AMBIGUOUS);
    }

    @Test
    void planWhenPreCreationOnThenUnknownUsersWhoseProfilesMapAreCreatedOthersNot() {
        List<DirectoryUser> users = List.of(user("NEW@AdobeID", "new@acme.example", "active", List.of(DELIVERY)),
                user("NOMAP@AdobeID", "nomap@acme.example", "active", List.of("Analytics - acme - reports")),
                user(null, "noid@acme.example", "active", List.of(DELIVERY)),
                user("OFF@AdobeID", "off@acme.example", "disabled", List.of(DELIVERY)));

        SyncPlan on = DirectoryPlanner.plan(POLICY, GROUPS, List.of(), users, true, SafetyCap.DEFAULT);
        SyncPlan off = DirectoryPlanner.plan(POLICY, GROUPS, List.of(), users, false, SafetyCap.DEFAULT);

        assertThat(on.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(Kind.CREATE);
            assertThat(change.subject()).isEqualTo("NEW@AdobeID");
            assertThat(change.add()).containsExactly("delivery");
        });
        assertThat(off.changes()).isEmpty();
        assertThat(on.usersRead()).isEqualTo(4);
    }

    @Test
    void planWhenMoreThanTheCapLoseAccessThenHeld() {
        List<SyncedOperator> operators = new ArrayList<>();
        IntStream.range(0, 11).forEach(i -> operators.add(new SyncedOperator("op" + i, "S" + i, null, null,
                Set.of("delivery"))));

        SyncPlan eleven = DirectoryPlanner.plan(POLICY, GROUPS, operators, List.of(), false, SafetyCap.DEFAULT);
        SyncPlan ten = DirectoryPlanner.plan(POLICY, GROUPS, operators.subList(0, 10), List.of(), false,
                SafetyCap.DEFAULT);

        assertThat(eleven.takingAccess()).isEqualTo(11);
        assertThat(eleven.held()).isTrue();
        assertThat(ten.held()).isFalse();
    }

    @Test
    void limitWhenManyOperatorsThenFivePercentElseTen() {
        assertThat(SafetyCap.DEFAULT.limit(100)).isEqualTo(10);
        assertThat(SafetyCap.DEFAULT.limit(1000)).isEqualTo(50);
        assertThat(new SafetyCap(0, 0).limit(1000)).isZero();
    }

    @Test
    void planWhenAlreadySuspendedOperatorStillGoneThenNothingAndNotCounted() {
        SyncPlan plan = DirectoryPlanner.plan(POLICY, GROUPS, List.of(alice(Suspension.LEFT_ORGANIZATION, Set.of())),
                List.of(), false, new SafetyCap(0, 0));

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.held()).isFalse();
    }
}
