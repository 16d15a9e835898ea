package io.imsconnect.server.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/** Request bodies for external accounts: a complete, valid, enabled account to change one field of. */
public final class AccountBodies {

    public static final String ORG = "A495E53C0123456789ABCDEF@AdobeOrg";
    public static final String CALLBACK = "https://campaign.example.com";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AccountBodies() {
    }

    public static String secret() {
        return "s3cret-" + UUID.randomUUID();
    }

    /** An enabled adobe-ims account with every required field. */
    public static Map<String, Object> adobe(String imsClientSecret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("label", "Adobe Experience Cloud");
        body.put("type", "adobe-ims");
        body.put("enabled", true);
        body.put("imsServer", "https://ims-na1.adobelogin.com");
        body.put("imsScope", "openid,AdobeID read_organizations");
        body.put("imsClientId", "campaign-client");
        body.put("imsClientSecret", imsClientSecret);
        body.put("callbackServer", CALLBACK);
        body.put("imsOrganizationId", ORG);
        body.put("associationMask", "Campaign - acme - (.*)");
        body.put("tenant", "acme");
        return body;
    }

    /** An enabled oidc account at {@code issuer}, which needs no package. */
    public static Map<String, Object> oidc(String issuer, String clientSecret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("label", "Company OIDC");
        body.put("type", "oidc");
        body.put("enabled", true);
        body.put("imsServer", issuer);
        body.put("imsScope", new String[] { "openid", "profile" });
        body.put("imsClientId", "campaign");
        body.put("imsClientSecret", clientSecret);
        body.put("callbackServer", CALLBACK);
        body.put("associationMask", "campaign-(.*)");
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    public static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.remove(field);
        return changed;
    }

    public static String json(Object body) {
        return JSON.writeValueAsString(body);
    }
}
