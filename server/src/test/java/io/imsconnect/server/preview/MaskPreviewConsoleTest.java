package io.imsconnect.server.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.ConsoleSession;
import io.imsconnect.server.testing.InstanceTest;

/** The console's mask preview: words, "did you mean", a link that creates the missing group, admin marked. */
@InstanceTest
class MaskPreviewConsoleTest {

    @LocalServerPort
    int port;

    @Test
    void previewPageWhenAGroupIsMissedByCaseThenDidYouMeanAndACreateLinkWithTheNameFilledIn() throws Exception {
        ConsoleSession console = ConsoleSession.signIn(port, Api.ADMIN, Api.ADMIN_PASSWORD);

        String page = console.postForm("/admin/mask-preview", "/admin/mask-preview", Map.of("mask",
                "Campaign - acme - (.*)", "maskIgnoresCase", "true", "profiles",
                "Campaign - acme - Delivery\nCampaign - acme - reviewers\nCampaign - acme - admin")).body();

        assertThat(page).contains("id=\"preview-row-0\" data-status=\"UNKNOWN_GROUP\"")
                .contains("id=\"preview-did-you-mean-0\"").contains("<code>delivery</code>?")
                .contains("href=\"/admin/groups/new?internalName=reviewers\"")
                .contains("Names the group reviewers, which does not exist")
                .doesNotContain("id=\"preview-did-you-mean-1\"")
                .contains("id=\"preview-admin-2\"").doesNotContain("id=\"preview-admin-1\"")
                .doesNotContain("<code>UNKNOWN_GROUP</code>");
        String form = console.get("/admin/groups/new?internalName=reviewers").body();
        assertThat(form).contains("id=\"internalName\" name=\"internalName\" value=\"reviewers\"");
    }
}
