package io.imsconnect.server.preview;

import static io.imsconnect.server.testing.AccountBodies.adobe;
import static io.imsconnect.server.testing.AccountBodies.json;
import static io.imsconnect.server.testing.AccountBodies.secret;
import static io.imsconnect.server.testing.AccountBodies.with;
import static io.imsconnect.server.testing.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.imsconnect.server.preview.MaskPreviewService;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.InstanceTest;

import tools.jackson.databind.JsonNode;

@InstanceTest
class MaskPreviewApiTest {

    static final String PREVIEW = "/api/v1/association-mask/preview";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
    }

    @Test
    void previewWhenProfilesGivenThenOneRowEachWithStatusCaptureAndGroup() {
        JsonNode rows = api.post(PREVIEW, json(Map.of("mask", "Campaign - acme - (.*)", "maskIgnoresCase", true,
                "profiles", List.of("Campaign - acme - delivery", "campaign - ACME - report", "Campaign - acme - nosuch",
                        "Analytics - acme - admin", "Campaign - acme - ")))).json();

        assertThat(rows.size()).isEqualTo(5);
        assertRow(rows.get(0), "Campaign - acme - delivery", true, "MAPPED", "delivery", true);
        assertRow(rows.get(1), "campaign - ACME - report", true, "MAPPED", "report", true);
        assertRow(rows.get(2), "Campaign - acme - nosuch", true, "UNKNOWN_GROUP", "nosuch", false);
        assertRow(rows.get(3), "Analytics - acme - admin", false, "NO_MATCH", null, false);
        assertRow(rows.get(4), "Campaign - acme - ", true, "EMPTY_CAPTURE", "", false);
    }

    @Test
    void previewWhenCapturedNameMissesAGroupOnlyByCaseOrSpacesThenDidYouMeanThatGroup() {
        JsonNode rows = api.post(PREVIEW, json(Map.of("mask", "Campaign - acme - (.*)", "profiles",
                List.of("Campaign - acme - Delivery", "Campaign - acme - de livery", "Campaign - acme - deliveries",
                        "Campaign - acme - delivery")))).json();

        assertThat(rows.get(0).path("status").asString()).isEqualTo("UNKNOWN_GROUP");
        assertThat(rows.get(0).path("didYouMean").asString()).isEqualTo("delivery");
        assertThat(rows.get(1).path("didYouMean").asString()).isEqualTo("delivery");
        assertThat(rows.get(2).has("didYouMean")).isFalse();
        assertThat(rows.get(3).path("status").asString()).isEqualTo("MAPPED");
        assertThat(rows.get(3).has("didYouMean")).isFalse();
    }

    @Test
    void previewWhenRowsAnsweredThenEachStatusAlsoInWords() {
        JsonNode rows = api.post(PREVIEW, json(Map.of("mask", "Campaign - acme - (.*)", "profiles",
                List.of("Campaign - acme - delivery", "Campaign - acme - nosuch", "Other", "Campaign - acme - ",
                        "a".repeat(1001))))).json();

        assertThat(rows.get(0).path("explanation").asString()).isEqualTo("Gives the security group delivery.");
        assertThat(rows.get(1).path("explanation").asString()).startsWith("Names the group nosuch, which does not exist");
        assertThat(rows.get(2).path("explanation").asString()).startsWith("Does not match the mask");
        assertThat(rows.get(3).path("explanation").asString()).contains("names no security group");
        assertThat(rows.get(4).path("explanation").asString()).contains("1,000 characters");
        assertThat(rows.get(0).path("status").asString()).isEqualTo("MAPPED");
    }

    @Test
    void previewWhenMaskIsCaseSensitiveThenOtherCaseDoesNotMatch() {
        JsonNode rows = api.post(PREVIEW, json(Map.of("mask", "Campaign - acme - (.*)", "maskIgnoresCase", false,
                "profiles", List.of("campaign - acme - delivery")))).json();

        assertThat(rows.get(0).path("status").asString()).isEqualTo("NO_MATCH");
    }

    @Test
    void previewWhenAccountNamedThenItsSavedMaskIsUsed() {
        api.installImsPackage();
        String name = unique("mask_");
        api.put("/api/v1/external-accounts/" + name,
                json(with(adobe(secret()), "associationMask", "Campaign - other - (.*)")));

        JsonNode rows = api.post(PREVIEW, json(Map.of("account", name,
                "profiles", List.of("Campaign - other - content", "Campaign - acme - content")))).json();

        assertThat(rows.get(0).path("status").asString()).isEqualTo("MAPPED");
        assertThat(rows.get(1).path("status").asString()).isEqualTo("NO_MATCH");
    }

    @Test
    void previewWhenMaskInvalidThenBadRequestNamingMaskWithPosition() {
        Api.Response refused = api.post(PREVIEW, json(Map.of("mask", "Campaign - (acme - (.*)",
                "profiles", List.of("x"))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.errorCodes("mask")).containsExactly("mask.syntax");
        assertThat(refused.json().path("errors").get(0).path("position").asInt()).isEqualTo(23);
    }

    @Test
    void previewWhenMaskHasNoCaptureGroupThenBadRequestNamingMask() {
        Api.Response refused = api.post(PREVIEW, json(Map.of("mask", "Campaign", "profiles", List.of("x"))));

        assertThat(refused.errorCodes("mask")).containsExactly("mask.noCaptureGroup");
    }

    @Test
    void previewWhenPatternIsHostileAndNameLongThenAnswersNoMatch() {
        String name = "a".repeat(999) + "!";

        Api.Response answered = api.post(PREVIEW, json(Map.of("mask", "(a+)+$", "profiles", List.of(name,
                "a".repeat(1000)))));

        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.json().get(0).path("status").asString()).isEqualTo("NO_MATCH");
        assertThat(answered.json().get(1).path("status").asString()).isEqualTo("UNKNOWN_GROUP");
    }

    @Test
    void previewWhenProfileLongerThanTheCapThenTooLong() {
        JsonNode rows = api.post(PREVIEW, json(Map.of("mask", "(.*)", "profiles", List.of("a".repeat(1001)))))
                .json();

        assertThat(rows.get(0).path("status").asString()).isEqualTo("TOO_LONG");
        assertThat(rows.get(0).path("matched").asBoolean()).isFalse();
    }

    @Test
    void previewWhenAccountAndMaskBothGivenThenBadRequestNamingAccount() {
        Api.Response refused = api.post(PREVIEW, json(Map.of("account", "Adobe_Marketing_Cloud", "mask", "(.*)",
                "profiles", List.of("x"))));

        assertThat(refused.errorCodes("account")).containsExactly("exclusive");
    }

    @Test
    void previewWhenAccountUnknownThenBadRequestNamingAccount() {
        Api.Response refused = api.post(PREVIEW, json(Map.of("account", unique("none_"), "profiles", List.of("x"))));

        assertThat(refused.errorCodes("account")).containsExactly("unknown");
    }

    @Test
    void previewWhenTooManyProfilesThenBadRequestNamingProfiles() {
        Api.Response refused = api.post(PREVIEW, json(Map.of("mask", "(.*)",
                "profiles", Collections.nCopies(MaskPreviewService.MAX_PROFILES + 1, "p"))));

        assertThat(refused.errorCodes("profiles")).containsExactly("tooMany");
    }

    @Test
    void previewWhenFieldUnknownThenBadRequestNamingIt() {
        Api.Response refused = api.post(PREVIEW, "{\"mask\":\"(.*)\",\"profiles\":[],\"groups\":[]}");

        assertThat(refused.errorCodes("groups")).containsExactly("unknownField");
    }

    private static void assertRow(JsonNode row, String profile, boolean matched, String status, String captured,
            boolean groupExists) {
        assertThat(row.path("profile").asString()).isEqualTo(profile);
        assertThat(row.path("matched").asBoolean()).as("matched").isEqualTo(matched);
        assertThat(row.path("status").asString()).isEqualTo(status);
        assertThat(row.has("capturedName") ? row.path("capturedName").asString() : null).isEqualTo(captured);
        assertThat(row.path("groupExists").asBoolean()).as("groupExists").isEqualTo(groupExists);
    }
}
