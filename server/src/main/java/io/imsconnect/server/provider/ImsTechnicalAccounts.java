package io.imsconnect.server.provider;

import static io.imsconnect.server.provider.JsonValues.firstNonNull;
import static io.imsconnect.server.provider.JsonValues.text;

import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * How this code reads IMS's answers for an access token, a technical account's in particular. This is the one
 * place to correct when Adobe documents what it does not today; docs/provider-facts.md#technical-accounts says
 * which parts are documented and which are assumed.
 *
 * <ul>
 * <li>Documented: technical account IDs and their "Technical Account Email" end in {@code @techacct.adobe.com}.
 * <li>Uncertain (Adobe's JS library reads them): the access token's {@code user_id} claim names whom the token
 * stands for, the technical account's ID for a client-credentials token.
 * <li>Assumed: {@code /ims/profile/v1} answers a technical account's token with its {@code userId} and
 * {@code email} (the Technical Account Email), and {@code /ims/organizations/v6} with its organizations and
 * product profiles, in the same shapes as for a person.
 * </ul>
 */
final class ImsTechnicalAccounts {

    static final String DOMAIN = "@techacct.adobe.com";

    private ImsTechnicalAccounts() {
    }

    /** Whom the token stands for: the profile's {@code userId}, else the token's {@code user_id} claim. */
    static String subject(UnverifiedClaims token, JsonNode profile) {
        return firstNonNull(text(profile, "userId"), token.text("user_id"));
    }

    /** Whether the holder is a technical account rather than a person: by its ID, else by its e-mail. */
    static boolean isTechnical(String subject, JsonNode profile) {
        String email = text(profile, "email");
        return endsWithDomain(subject) || endsWithDomain(email);
    }

    private static boolean endsWithDomain(String value) {
        return value != null && value.toLowerCase(Locale.ROOT).endsWith(DOMAIN);
    }
}
