package io.imsconnect.server.signin;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import io.imsconnect.server.account.AccountService;
import io.imsconnect.server.decision.LoginDecisionService;
import io.imsconnect.server.provider.Failures;
import io.imsconnect.server.provider.IdentityProviderException;

/**
 * Every sign-in through an external account that does not end in access lands here: refusals were recorded
 * by {@link SignInService}; protocol and provider failures are recorded now, in full once the provider's tokens
 * came back, counted and sampled before (docs/decisions/0013). The browser goes to a page that
 * says why, keyed by a session attribute rather than a URL parameter, so a reference cannot be replayed by
 * someone else.
 */
final class LoginFailureHandler implements AuthenticationFailureHandler {

    static final String CALLBACK_PREFIX = "/login/oauth2/code/";

    /** The protocol's codes a sign-in meets before the tokens; any other is counted as {@code other}. */
    private static final Set<String> KNOWN_CODES = Set.of("authorization_request_not_found",
            "client_registration_not_found", OAuth2ErrorCodes.INVALID_GRANT, "invalid_client", "unauthorized_client",
            "invalid_token_response", "invalid_request", "access_denied", IdentityProviderException.INVALID_METADATA);

    private final LoginDecisionService decisions;
    private final AccountService accounts;

    LoginFailureHandler(LoginDecisionService decisions, AccountService accounts) {
        this.decisions = decisions;
        this.accounts = accounts;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        String account = account(request);
        if (!(failure instanceof LoginRefusedException) && accounts.find(account).isEmpty()) {
            // A callback for no account is noise anyone can send; there is no sign-in to record.
            response.sendRedirect(request.getContextPath() + "/login?unknownAccount");
            return;
        }
        String decisionId = failure instanceof LoginRefusedException refused ? refused.decisionId()
                : TokensReceived.in(request) && !Failures.isBusy(failure)
                        ? decisions.recordFailure(account, reason(failure)).id()
                        : decisions.recordUnanswered(account, reasonCode(failure), reason(failure)).id();
        Refusal refusal = failure instanceof LoginRefusedException refused ? refused.refusal()
                : Refusal.of(failure);
        RefusalPageController.remember(request.getSession(), decisionId, refusal);
        response.sendRedirect(request.getContextPath() + RefusalPageController.PAGE);
    }

    /**
     * The code failures are counted under: the protocol's own codes for what a sign-in meets, {@code other}
     * for the rest, since an {@code error} parameter on a callback can say anything.
     */
    static String reasonCode(AuthenticationException failure) {
        if (Failures.isBusy(failure)) {
            return IdentityProviderException.BUSY;
        }
        if (Failures.isUnavailable(failure)) {
            return IdentityProviderException.ERROR_CODE;
        }
        String code = failure instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "";
        return KNOWN_CODES.contains(code) ? code : "other";
    }


    private static String account(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String account = path.startsWith(CALLBACK_PREFIX) ? path.substring(CALLBACK_PREFIX.length()) : "unknown";
        return account.length() > 64 ? account.substring(0, 64) : account;
    }

    /** A reason an administrator can act on, from the protocol error; never a token or a stack trace. */
    static String reason(AuthenticationException failure) {
        if (Failures.isBusy(failure)) {
            return "There are too many sign-ins waiting on the identity provider right now, so this one was not "
                    + "sent. Try again in a minute. Local sign-in keeps working. [" + IdentityProviderException.BUSY
                    + "]";
        }
        if (Failures.isUnavailable(failure)) {
            return "The identity provider did not answer, or not in time (" + Failures.describe(failure)
                    + "). Try again in a few minutes; if it persists, ask your administrator. "
                    + "Local sign-in keeps working.";
        }
        if (!(failure instanceof OAuth2AuthenticationException oauth)) {
            return "The sign-in failed. Start again from the sign-in page.";
        }
        String code = oauth.getError().getErrorCode();
        String description = oauth.getError().getDescription() == null ? "" : oauth.getError().getDescription();
        return switch (code) {
            case "authorization_request_not_found" -> "This answer from the identity provider matches no sign-in "
                    + "started in this browser (state missing, altered or already used). Start again from the "
                    + "sign-in page. [" + code + "]";
            case "client_registration_not_found" -> "No enabled external account matches this sign-in. Ask your "
                    + "administrator to enable it. [" + code + "]";
            case "invalid_nonce" -> "The ID token was issued for another sign-in (nonce mismatch): it was refused. "
                    + "[" + code + "]";
            case "invalid_id_token" -> "The ID token was refused: " + idTokenProblem(description) + " [" + code + "]";
            case OAuth2ErrorCodes.INVALID_GRANT -> "The identity provider refused the authorization code (already "
                    + "used, expired, or not issued for this sign-in). Start again. [" + code + "]";
            case "invalid_client", "unauthorized_client" -> clientRefused(code);
            case "invalid_token_response" -> Failures.status(failure) == 401 ? clientRefused(code)
                    : "The identity provider's token answer was unusable (" + Failures.describe(failure) + "). Ask "
                            + "your administrator to test the external account's connection. [" + code + "]";
            case OperatorUserService.ACCOUNT_DISABLED -> description + ". [" + code + "]";
            case OperatorUserService.SERVER_ERROR -> "The instance could not complete the sign-in. Try again; if it "
                    + "persists, ask your administrator to look at the server log for this time. [" + code + "]";
            case IdentityProviderException.INVALID_METADATA -> description + ". Ask your administrator to check "
                    + "the external account's imsServer. [" + code + "]";
            case IdentityProviderException.MISMATCH -> description + ": the sign-in was refused. Ask your "
                    + "administrator to check the external account's identity provider. [" + code + "]";
            case "access_denied" -> "You declined, or the identity provider refused, the sign-in. [" + code + "]";
            default -> "The identity provider answered with the error '" + code + "'. Ask your administrator to "
                    + "check the external account. [" + code + "]";
        };
    }

    private static String clientRefused(String code) {
        return "The identity provider refused this instance's client id or secret. Ask your administrator to check "
                + "imsClientId and imsClientSecret of the external account (Test connection checks them). [" + code
                + "]";
    }

    /** Names the failed ID-token check from Spring Security's description, without echoing its claims. */
    private static String idTokenProblem(String description) {
        String lower = description.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("no matching key") || lower.contains("signature")) {
            return "its signature matches no key the identity provider publishes.";
        }
        if (lower.contains("unsupported algorithm") || lower.contains("alg") && lower.contains("none")) {
            return "it is not signed with the expected algorithm (RS256).";
        }
        if (lower.contains("iss")) {
            return "it was issued by another issuer than the account's identity provider.";
        }
        if (lower.contains("aud") || lower.contains("azp")) {
            return "it was issued for another client (audience) than this instance's client id.";
        }
        if (lower.contains("expired") || lower.contains("exp=")) {
            return "it has expired.";
        }
        return "it failed validation.";
    }
}
