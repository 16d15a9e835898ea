package io.imsconnect.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ControlCharactersTest {

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = { "0000", "0007", "0009", "000A", "000D", "001B", "007F", "0085", "00AD", "061C", "200B",
            "200E", "200F", "202A", "202B", "202C", "202D", "202E", "2028", "2029", "2066", "2067", "2068", "2069",
            "FEFF", "D800", "DC00" })
    void containsWhenControlFormatSeparatorOrLoneSurrogateThenTrue(String hex) {
        String text = "Campaign" + (char) Integer.parseInt(hex, 16) + "users";

        assertThat(ControlCharacters.contains(text)).isTrue();
        assertThat(ControlCharacters.indexOfFirst(text)).isEqualTo(8);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Campaign users", "Délivrabilité", "配信", "می\u200Cخواهم", "क्\u200Dष", "👩\u200D💻 team",
            "a|b & <c> \"d\" 'e'" })
    void containsWhenPrintableTextOrJoinersThenFalse(String text) {
        assertThat(ControlCharacters.contains(text)).isFalse();
    }

    @Test
    void containsWhenNoTextThenFalse() {
        assertThat(ControlCharacters.contains(null)).isFalse();
        assertThat(ControlCharacters.contains("")).isFalse();
    }

    @Test
    void indexOfFirstWhenSupplementaryCharactersPrecedeThenCountsChars() {
        assertThat(ControlCharacters.indexOfFirst("😀\u001B[31m")).isEqualTo(2);
    }

    @Test
    void messageWhenRefusedCharacterThenNamesItsCodePointAndPositionNotTheCharacter() {
        String message = ControlCharacters.message("abc\u202Eexe.txt");

        assertThat(message).contains("U+202E").contains("position 4").doesNotContain("\u202E");
    }
}
