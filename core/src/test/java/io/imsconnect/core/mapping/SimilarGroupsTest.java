package io.imsconnect.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class SimilarGroupsTest {

    private static final Set<String> GROUPS = Set.of("delivery", "admin", "content_editor");

    @Test
    void ofWhenOnlyTheCaseDiffersThenTheExistingGroup() {
        assertThat(SimilarGroups.of("Delivery", GROUPS)).contains("delivery");
        assertThat(SimilarGroups.of("ADMIN", GROUPS)).contains("admin");
    }

    @Test
    void ofWhenOnlySpacesDifferThenTheExistingGroup() {
        assertThat(SimilarGroups.of("de livery", GROUPS)).contains("delivery");
        assertThat(SimilarGroups.of("Content_ Editor", GROUPS)).contains("content_editor");
    }

    @Test
    void ofWhenTheNameDiffersOtherwiseThenNone() {
        assertThat(SimilarGroups.of("deliveries", GROUPS)).isEmpty();
        assertThat(SimilarGroups.of("content-editor", GROUPS)).isEmpty();
    }

    @Test
    void ofWhenTheGroupExistsAsCapturedThenNoSuggestion() {
        assertThat(SimilarGroups.of("delivery", GROUPS)).isEmpty();
    }

    @Test
    void ofWhenSeveralAreNearThenTheFirstByName() {
        assertThat(SimilarGroups.of("Reports", Set.of("reports", "REPORTS", "re ports"))).contains("REPORTS");
    }

    @Test
    void ofWhenNothingWasCapturedThenNone() {
        assertThat(SimilarGroups.of(null, GROUPS)).isEmpty();
        assertThat(SimilarGroups.of(" ", GROUPS)).isEmpty();
    }
}
