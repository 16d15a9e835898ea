package io.imsconnect.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ScopesTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "openid,AdobeID,read_organizations|openid AdobeID read_organizations",
        "openid AdobeID read_organizations|openid AdobeID read_organizations",
        "openid, AdobeID ,read_organizations|openid AdobeID read_organizations",
        "' openid,,AdobeID\t\nread_organizations , '|openid AdobeID read_organizations",
        "openid|openid",
        "openid,openid|openid openid",
        "additional_info.projectedProductContext|additional_info.projectedProductContext",
    })
    void parseWhenCommasOrWhitespaceThenTokensInOrder(String text, String expected) {
        assertThat(Scopes.parse(text)).containsExactlyElementsOf(Arrays.asList(expected.split(" ")));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", ",", " , ,\t"})
    void parseWhenNothingThenEmpty(String text) {
        assertThat(Scopes.parse(text)).isEmpty();
    }

    @Test
    void parseWhenDefaultJoinedWithCommasThenDefault() {
        assertThat(Scopes.parse(String.join(",", AccountSettings.DEFAULT_IMS_SCOPE)))
                .isEqualTo(AccountSettings.DEFAULT_IMS_SCOPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openid", "AdobeID", "additional_info.projectedProductContext", "!", "#", "[",
        "]", "~", "a:b/c", "https://graph.example.com/read", "{x}"})
    void isValidTokenWhenRfc6749CharactersThenTrue(String token) {
        assertThat(Scopes.isValidToken(token)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "open id", "\"", "a\"b", "\\", "a\\b", "caf\u00e9", "\u007f", "\t", "a,b\u0000"})
    void isValidTokenWhenOutsideRfc6749CharactersThenFalse(String token) {
        assertThat(Scopes.isValidToken(token)).isFalse();
    }
}
