package io.imsconnect.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.imsconnect.core.account.AccountSettings;

class AccountRequestTest {

    @Test
    void toStringWhenSecretsGivenThenSaysWhatHappensToThemWithoutTheirValues() {
        AccountRequest request = AccountRequest.of(AccountSettings.builder().imsClientId("client").build(),
                "ims-secret-value", "");

        assertThat(request.toString()).contains("imsClientId=client").contains("imsClientSecret=(new value)")
                .contains("directoryClientSecret=(clear)").doesNotContain("ims-secret-value");
    }

    @Test
    void toStringWhenSecretsOmittedThenSaysTheyAreKept() {
        AccountRequest request = AccountRequest.of(AccountSettings.builder().build(), null, null);

        assertThat(request.toString()).contains("imsClientSecret=(keep)").contains("directoryClientSecret=(keep)");
    }
}
