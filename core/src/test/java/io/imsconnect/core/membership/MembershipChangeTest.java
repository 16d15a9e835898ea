package io.imsconnect.core.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MembershipChangeTest {

    @Nested
    class Between {

        static Stream<Arguments> changes() {
            return Stream.of(
                    Arguments.of(Set.of(), Set.of("delivery"), Set.of("delivery"), Set.of()),
                    Arguments.of(Set.of("delivery"), Set.of(), Set.of(), Set.of("delivery")),
                    Arguments.of(Set.of("delivery"), Set.of("delivery"), Set.of(), Set.of()),
                    Arguments.of(Set.of(), Set.of(), Set.of(), Set.of()),
                    Arguments.of(Set.of("admin", "delivery"), Set.of("delivery", "workflow"),
                            Set.of("workflow"), Set.of("admin")),
                    Arguments.of(Set.of("delivery"), Set.of("Delivery"),
                            Set.of("Delivery"), Set.of("delivery")));
        }

        @ParameterizedTest(name = "[{index}] {0} -> {1}: +{2} -{3}")
        @MethodSource("changes")
        void betweenWhenCalledThenWholeSetDiff(Set<String> current, Set<String> wanted,
                Set<String> add, Set<String> remove) {
            MembershipChange change = MembershipChange.between(current, wanted);

            assertThat(change.add()).containsExactlyInAnyOrderElementsOf(add);
            assertThat(change.remove()).containsExactlyInAnyOrderElementsOf(remove);
            assertThat(change.isEmpty()).isEqualTo(add.isEmpty() && remove.isEmpty());
        }

        @Test
        void betweenWhenOperatorAlsoHoldsManualGroupThenManualNeverRemoved() {
            Set<String> manual = Set.of("operation");
            Set<String> currentMask = Set.of("delivery");

            MembershipChange change = MembershipChange.between(currentMask, Set.of());

            assertThat(change.remove()).containsExactly("delivery").doesNotContainAnyElementsOf(manual);
        }

        @Test
        void betweenWhenInputsChangedLaterThenChangeUnchanged() {
            Set<String> current = new HashSet<>(Set.of("admin"));
            Set<String> wanted = new HashSet<>(Set.of("delivery"));

            MembershipChange change = MembershipChange.between(current, wanted);
            current.clear();
            wanted.clear();

            assertThat(change.add()).containsExactly("delivery");
            assertThat(change.remove()).containsExactly("admin");
        }

        @Test
        void betweenWhenManyThenSorted() {
            MembershipChange change = MembershipChange.between(
                    Set.of("b", "a", "c"), Set.of("z", "y", "x"));

            assertThat(change.add()).containsExactly("x", "y", "z");
            assertThat(change.remove()).containsExactly("a", "b", "c");
        }
    }

    @Nested
    class Value {

        @Test
        void constructorWhenGroupBothAddedAndRemovedThenThrows() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new MembershipChange(Set.of("delivery"), Set.of("delivery")));
        }

        @Test
        void addWhenModifiedThenThrows() {
            MembershipChange change = new MembershipChange(Set.of("delivery"), Set.of());

            assertThatThrownBy(() -> change.add().add("admin"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
