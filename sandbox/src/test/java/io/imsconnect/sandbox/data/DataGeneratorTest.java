package io.imsconnect.sandbox.data;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataGeneratorTest {

    @Test
    void generateWhenHundredThousandUsersThenLoadsInSeconds() {
        long started = System.nanoTime();

        Directory directory = new Directory(
                DataGenerator.generate(DataGenerator.DEFAULT_ORG_ID, 100_000, 50, DataGenerator.DEFAULT_PROFILE_PREFIX));

        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis).isLessThan(10_000);
        assertThat(directory.members(DataGenerator.DEFAULT_ORG_ID)).hasSize(100_000);
        assertThat(directory.organization(DataGenerator.DEFAULT_ORG_ID).orElseThrow().profiles()).hasSize(50);
    }

    @Test
    void generatedUsersSignInWithEmailAndHoldProfilesByIndex() {
        Directory directory = new Directory(DataGenerator.generate(DataGenerator.DEFAULT_ORG_ID, 4, 3, "P-"));

        SandboxUser first = directory.userByEmail("user0@bench.example").orElseThrow();
        SandboxUser second = directory.userByEmail("user1@bench.example").orElseThrow();

        assertThat(first.password()).isEqualTo(DataGenerator.PASSWORD);
        assertThat(first.membership(DataGenerator.DEFAULT_ORG_ID).profiles()).isEqualTo(List.of("P-0", "P-1"));
        assertThat(second.membership(DataGenerator.DEFAULT_ORG_ID).profiles()).isEqualTo(List.of("P-1"));
    }

    @Test
    void generateWhenEmailDomainGivenThenUsersHaveItAndTheDefaultsIds() {
        String org = "C4D5E6F7A8B9C0D1E2F3A4B5@AdobeOrg";
        Directory directory = new Directory(DataGenerator.generate(org, 2, 1, "P-", "warm.example"));
        Directory defaults = new Directory(DataGenerator.generate(org, 2, 1, "P-"));

        assertThat(directory.members(org)).extracting(SandboxUser::email)
                .containsExactly("user0@warm.example", "user1@warm.example");
        assertThat(directory.memberIds(org)).isEqualTo(defaults.memberIds(org));
        assertThat(defaults.userByEmail("user0@bench.example")).isPresent();
    }
}
