package io.imsconnect.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountSettingsTest {

    @Nested
    class Type {

        @ParameterizedTest
        @CsvSource({"adobe-ims,ADOBE_IMS", "oidc,OIDC"})
        void fromIdWhenKnownIdThenType(String id, AccountType type) {
            assertThat(AccountType.fromId(id)).contains(type);
            assertThat(type.id()).isEqualTo(id);
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "ADOBE-IMS", "adobe_ims", "ADOBE_IMS", "saml", " oidc"})
        void fromIdWhenUnknownIdThenEmpty(String id) {
            assertThat(AccountType.fromId(id)).isEmpty();
        }
    }

    @Nested
    class Defaults {

        @Test
        void builderWhenNothingSetThenDefaults() {
            AccountSettings settings = AccountSettings.builder().build();

            assertThat(settings.internalName()).isEqualTo("Adobe_Marketing_Cloud");
            assertThat(settings.type()).isEqualTo(AccountType.ADOBE_IMS);
            assertThat(settings.enabled()).isFalse();
            assertThat(settings.imsScope()).containsExactly(
                    "openid", "AdobeID", "read_organizations", "additional_info.projectedProductContext");
            assertThat(settings.groupsClaim()).isEqualTo("groups");
            assertThat(settings.maskIgnoresCase()).isTrue();
            assertThat(settings.imsClientSecretSet()).isFalse();
            assertThat(settings.directoryClientSecretSet()).isFalse();
        }

        @Test
        void toBuilderWhenBuiltAgainThenEqual() {
            AccountSettings settings = AccountFixtures.adobe().build();

            assertThat(settings.toBuilder().build()).isEqualTo(settings);
        }

        @Test
        void constructorWhenScopeListChangedLaterThenSettingsUnchanged() {
            List<String> scopes = new ArrayList<>(List.of("openid"));

            AccountSettings settings = AccountSettings.builder().imsScope(scopes).build();
            scopes.add("AdobeID");

            assertThat(settings.imsScope()).containsExactly("openid");
            assertThatThrownBy(() -> settings.imsScope().add("x"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void constructorWhenScopeNullThenNull() {
            assertThat(AccountSettings.builder().imsScope(null).build().imsScope()).isNull();
        }
    }

    @Nested
    class RedirectUri {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "https://campaign.example.com|Adobe_Marketing_Cloud|https://campaign.example.com/login/oauth2/code/Adobe_Marketing_Cloud",
            "https://campaign.example.com/|Adobe_Marketing_Cloud|https://campaign.example.com/login/oauth2/code/Adobe_Marketing_Cloud",
            "https://campaign.example.com//|sso|https://campaign.example.com/login/oauth2/code/sso",
            "https://example.com/neolane/|sso|https://example.com/neolane/login/oauth2/code/sso",
            "http://localhost:8080|Adobe_Marketing_Cloud|http://localhost:8080/login/oauth2/code/Adobe_Marketing_Cloud",
        })
        void redirectUriWhenCallbackServerThenSpringSecurityPath(String callbackServer, String internalName,
                String expected) {
            AccountSettings settings = AccountSettings.builder()
                    .callbackServer(callbackServer).internalName(internalName).build();

            assertThat(AccountSettings.redirectUri(callbackServer, internalName)).isEqualTo(expected);
            assertThat(settings.redirectUri()).contains(expected);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "NONE|Adobe_Marketing_Cloud", "' '|Adobe_Marketing_Cloud", "https://campaign.example.com|NONE",
        })
        void redirectUriWhenPartMissingThenEmpty(String callbackServer, String internalName) {
            AccountSettings settings = AccountSettings.builder()
                    .callbackServer(callbackServer).internalName(internalName).build();

            assertThat(settings.redirectUri()).isEqualTo(Optional.empty());
        }
    }
}
