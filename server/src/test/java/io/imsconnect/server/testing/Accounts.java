package io.imsconnect.server.testing;

import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Creates external accounts against the sandbox through the REST API, each with a name of its own. */
public final class Accounts {

    public static final String ACME_MASK = "Campaign - acme - (.*)";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Api api;
    private final int serverPort;

    public Accounts(Api api, int serverPort) {
        this.api = api;
        this.serverPort = serverPort;
        api.installImsPackage();
    }

    /**
     * An enabled {@code adobe-ims} account for the sandbox's acme org; {@code extra} adds JSON fields or replaces
     * the defaults' (merged here: the instance refuses a JSON object that names a field twice).
     */
    public String adobeIms(String mask, String extra) {
        String name = "ims_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ObjectNode account = (ObjectNode) JSON.readTree("""
                {"label":"Adobe ID (%s)","type":"adobe-ims","enabled":true,"imsServer":"%s",
                 "imsClientId":"%s","imsClientSecret":"%s","callbackServer":"http://localhost:%d",
                 "imsOrganizationId":"%s","associationMask":"%s","maskIgnoresCase":true,"tenant":"acme"}"""
                .formatted(name, Sandbox.get().url(), Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET, serverPort,
                        Sandbox.ACME, mask));
        if (extra != null) {
            account.setAll((ObjectNode) JSON.readTree("{" + extra + "}"));
        }
        put(name, account.toString());
        return name;
    }

    /** An enabled {@code oidc} account using the sandbox as a standard OpenID provider. */
    public String oidc(String mask) {
        return oidc(mask, null);
    }

    /** The same; {@code extra} adds JSON fields. */
    public String oidc(String mask, String extra) {
        String name = "oidc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        put(name, """
                {"label":"OIDC (%s)","type":"oidc","enabled":true,"imsServer":"%s",
                 "imsScope":["openid","profile","email"],
                 "imsClientId":"%s","imsClientSecret":"%s","callbackServer":"http://localhost:%d",
                 "imsOrganizationId":"%s","organizationClaim":"org_id","groupsClaim":"groups",
                 "associationMask":"%s","maskIgnoresCase":true%s}"""
                .formatted(name, Sandbox.get().issuer(), Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET, serverPort,
                        Sandbox.ACME, mask, extra == null ? "" : "," + extra));
        return name;
    }

    private void put(String name, String json) {
        Api.Response saved = api.put("/api/v1/external-accounts/" + name, json);
        if (saved.status() != 201 && saved.status() != 200) {
            throw new IllegalStateException("Saving account " + name + " answered " + saved.status() + ": "
                    + saved.body());
        }
    }
}
