package io.imsconnect.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import io.imsconnect.core.access.Outcome;
import io.imsconnect.core.mapping.ProfileMapping;
import io.imsconnect.core.mapping.ProfileMapping.Status;
import io.imsconnect.server.provider.IdentityProviderException;

/** Which words the refusal page shows for each refusal and failure, and what it offers next. */
class RefusalTest {

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "authorization_request_not_found|START_AGAIN",
        "invalid_grant|START_AGAIN",
        "invalid_nonce|START_AGAIN",
        "access_denied|DECLINED",
        "invalid_id_token|CONFIGURATION",
        "invalid_client|CONFIGURATION",
        "client_registration_not_found|CONFIGURATION",
        "server_error|CONFIGURATION",
        "something_new|CONFIGURATION" })
    void ofWhenProtocolErrorThenItsKind(String code, Refusal expected) {
        assertThat(Refusal.of(new OAuth2AuthenticationException(code))).isEqualTo(expected);
    }

    @Test
    void ofWhenProviderUnreachableThenUnavailableAndWorthRetrying() {
        Refusal refusal = Refusal.of(new IdentityProviderException("The identity provider's profile could not be read",
                new ConnectException("refused")));

        assertThat(refusal).isEqualTo(Refusal.PROVIDER_UNAVAILABLE);
        assertThat(refusal.remedy()).isEqualTo(Refusal.Remedy.TRY_AGAIN);
    }

    @Test
    void ofWhenNoProfileMatchesTheMaskThenNoProfileForThisInstance() {
        List<ProfileMapping> seen = List.of(new ProfileMapping("Analytics - reports", Status.NO_MATCH, null));

        assertThat(Refusal.of(Outcome.REFUSED_NO_MATCHING_GROUP, seen)).isEqualTo(Refusal.NO_PROFILE);
        assertThat(Refusal.of(Outcome.REFUSED_NO_MATCHING_GROUP, List.of())).isEqualTo(Refusal.NO_PROFILE);
    }

    @Test
    void ofWhenAProfileNamesAMissingGroupThenNotMappedYet() {
        List<ProfileMapping> seen = List.of(new ProfileMapping("Analytics - reports", Status.NO_MATCH, null),
                new ProfileMapping("Campaign - acme - reports", Status.UNKNOWN_GROUP, "reports"));

        assertThat(Refusal.of(Outcome.REFUSED_NO_MATCHING_GROUP, seen)).isEqualTo(Refusal.PROFILE_NOT_MAPPED);
    }

    @ParameterizedTest
    @EnumSource(value = Outcome.class, names = { "REFUSED_NOT_IN_ORGANIZATION", "REFUSED_PRODUCT_CONTEXT",
            "REFUSED_OPERATOR_DISABLED", "REFUSED_OPERATOR_SUSPENDED" })
    void ofWhenRefusedForWhoSignedInThenAnotherIdentityIsOffered(Outcome outcome) {
        assertThat(Refusal.of(outcome, List.of()).remedy()).isEqualTo(Refusal.Remedy.ANOTHER_IDENTITY);
    }

    @Test
    void everyKindHasItsWords() {
        for (Refusal refusal : Refusal.values()) {
            for (String part : List.of("title", "what", "next")) {
                assertThat(SignInSupport.words("refusal." + refusal + "." + part)).as(refusal + " " + part).isNotBlank();
            }
        }
    }
}
