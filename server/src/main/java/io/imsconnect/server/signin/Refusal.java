package io.imsconnect.server.signin;

import java.util.List;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

import io.imsconnect.core.access.Outcome;
import io.imsconnect.core.mapping.ProfileMapping;
import io.imsconnect.core.mapping.ProfileMapping.Status;
import io.imsconnect.server.provider.Failures;

/**
 * What the refusal page tells the person who tried to sign in, in words for someone who is not signed in: one
 * value a kind of refusal or failure, its words in {@code messages.properties} under {@code refusal.<value>}. The
 * recorded decision's reason (organization ID, mask, profile and group names) is for administrators only, in
 * Login decisions (docs/decisions/0020-refusal-pages.md).
 */
enum Refusal {
    NOT_IN_ORGANIZATION(Remedy.ANOTHER_IDENTITY),
    PRODUCT_CONTEXT(Remedy.ANOTHER_IDENTITY),
    /** No profile the person holds is one for this instance (none matches the mask). */
    NO_PROFILE(Remedy.ANOTHER_IDENTITY),
    /** A profile for this instance names a security group that does not exist (yet). */
    PROFILE_NOT_MAPPED(Remedy.ANOTHER_IDENTITY),
    OPERATOR_DISABLED(Remedy.ANOTHER_IDENTITY),
    OPERATOR_SUSPENDED(Remedy.ANOTHER_IDENTITY),
    /** Too many sign-ins wait on the provider; this one was not sent. */
    PROVIDER_BUSY(Remedy.TRY_AGAIN),
    /** The provider was down, slow or unreachable. */
    PROVIDER_UNAVAILABLE(Remedy.TRY_AGAIN),
    /** The answer matched no sign-in started here, or its code had expired or been used: start again. */
    START_AGAIN(Remedy.TRY_AGAIN),
    /** The person declined at the provider, or the provider refused them. */
    DECLINED(Remedy.ANOTHER_IDENTITY),
    /** Anything the administrator has to fix: client id or secret, ID token, provider metadata, the instance. */
    CONFIGURATION(Remedy.ADMINISTRATOR);

    /** What the page offers besides telling the administrator. */
    enum Remedy {
        /** The refusal is about who signed in: "Sign in with another Adobe ID" forces the provider's form. */
        ANOTHER_IDENTITY,
        /** The same sign-in may work if simply tried again. */
        TRY_AGAIN,
        /** Only the administrator can fix it; trying again or as someone else would end the same way. */
        ADMINISTRATOR
    }

    private final Remedy remedy;

    Refusal(Remedy remedy) {
        this.remedy = remedy;
    }

    Remedy remedy() {
        return remedy;
    }

    /**
     * The kind of a refused decision; a failed one is {@link #CONFIGURATION} unless its failure said more. A
     * profile the mask took but that names no existing group is the administrator's to fix, one the mask did not
     * take is not for this instance: the words differ, the profile names are not shown.
     */
    static Refusal of(Outcome outcome, List<ProfileMapping> perProfile) {
        return switch (outcome) {
            case REFUSED_NOT_IN_ORGANIZATION -> NOT_IN_ORGANIZATION;
            case REFUSED_PRODUCT_CONTEXT -> PRODUCT_CONTEXT;
            case REFUSED_NO_MATCHING_GROUP -> perProfile.stream().anyMatch(Refusal::takenButUnmapped)
                    ? PROFILE_NOT_MAPPED : NO_PROFILE;
            case REFUSED_OPERATOR_DISABLED -> OPERATOR_DISABLED;
            case REFUSED_OPERATOR_SUSPENDED -> OPERATOR_SUSPENDED;
            case FAILED, ALLOWED -> CONFIGURATION;
        };
    }

    private static boolean takenButUnmapped(ProfileMapping mapping) {
        return mapping.status() == Status.UNKNOWN_GROUP || mapping.status() == Status.EMPTY_CAPTURE;
    }

    /** The kind of a sign-in that failed before a decision on the person: from the protocol's error code. */
    static Refusal of(AuthenticationException failure) {
        if (Failures.isBusy(failure)) {
            return PROVIDER_BUSY;
        }
        if (Failures.isUnavailable(failure)) {
            return PROVIDER_UNAVAILABLE;
        }
        String code = failure instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "";
        return switch (code) {
            case "authorization_request_not_found", OAuth2ErrorCodes.INVALID_GRANT, "invalid_nonce" -> START_AGAIN;
            case OAuth2ErrorCodes.ACCESS_DENIED -> DECLINED;
            default -> CONFIGURATION;
        };
    }
}
