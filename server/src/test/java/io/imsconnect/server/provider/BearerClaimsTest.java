package io.imsconnect.server.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;

/** Reading a token's claims to route it, and the one reading of IMS's answers for technical accounts. */
class BearerClaimsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String jwt(String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    @Test
    void ofWhenJwtThenClaimsAsTextEvenForNumbers() {
        UnverifiedClaims claims = UnverifiedClaims.of(jwt("{\"client_id\":\"scripts\",\"expires_in\":86400000}"))
                .orElseThrow();

        assertThat(claims.text("client_id")).isEqualTo("scripts");
        assertThat(claims.text("expires_in")).isEqualTo("86400000");
        assertThat(claims.text("missing")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "garbage", "a.b.c", "e30.e30", "W10.W10.x" })
    void ofWhenNotAJwtOfObjectsThenEmpty(String token) {
        assertThat(UnverifiedClaims.of(token)).isEmpty();
    }

    @Test
    void ofWhenLongerThanAnyTokenThenEmptyWithoutParsing() {
        assertThat(UnverifiedClaims.of(jwt("{\"x\":\"" + "a".repeat(UnverifiedClaims.MAX_TOKEN_LENGTH) + "\"}")))
                .isEmpty();
    }

    @Test
    void technicalWhenSubjectOrEmailInTheTechnicalAccountDomainThenTechnical() {
        var person = JSON.readTree("{\"userId\":\"1A2B@AdobeID\",\"email\":\"alice@acme.example\"}");
        var technical = JSON.readTree("{\"userId\":\"7F3E@techacct.adobe.com\",\"email\":\"3f9c@TECHACCT.adobe.com\"}");
        UnverifiedClaims token = UnverifiedClaims.of(jwt("{\"user_id\":\"7F3E@techacct.adobe.com\"}")).orElseThrow();

        assertThat(ImsTechnicalAccounts.isTechnical("1A2B@AdobeID", person)).isFalse();
        assertThat(ImsTechnicalAccounts.isTechnical("7F3E@techacct.adobe.com", technical)).isTrue();
        assertThat(ImsTechnicalAccounts.subject(token, JSON.readTree("{}"))).isEqualTo("7F3E@techacct.adobe.com");
        assertThat(ImsTechnicalAccounts.subject(token, technical)).isEqualTo("7F3E@techacct.adobe.com");
    }

    @Test
    void safeWhenClaimIsMarkupOrLongThenQuotedPlainAndShort() {
        assertThat(BearerWords.safe("<script>")).isEqualTo("'?script?'");
        assertThat(BearerWords.safe("x".repeat(100))).hasSize(64 + 3);
        assertThat(BearerWords.safe(null)).isEqualTo("(none)");
    }
}
