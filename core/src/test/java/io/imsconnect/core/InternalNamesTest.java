package io.imsconnect.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InternalNamesTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({
            "workflowSupervisor, true",
            "Adobe_Marketing_Cloud, true",
            "a, true",
            "a123456789012345678901234567890123456789012345678901234567890123, true",
            "a1234567890123456789012345678901234567890123456789012345678901234, false",
            "9delivery, false",
            "_delivery, false",
            "deli-very, false",
            "délivery, false",
            "'', false" })
    void isValidWhenNameThenLettersDigitsUnderscoreStartingWithALetterAtMost64(String name, boolean valid) {
        assertThat(InternalNames.isValid(name)).isEqualTo(valid);
    }
}
