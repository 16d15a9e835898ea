package io.imsconnect.server.signin;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

import io.imsconnect.server.decision.LoginDecision;

/** A sign-in that ended without access, carrying the recorded decision the refusal page shows. */
final class LoginRefusedException extends OAuth2AuthenticationException {

    static final String ERROR_CODE = "access_denied";

    private final String decisionId;
    private final Refusal refusal;

    LoginRefusedException(LoginDecision decision) {
        super(new OAuth2Error(ERROR_CODE, decision.outcome().name(), null), decision.outcome().name());
        this.decisionId = decision.id();
        this.refusal = Refusal.of(decision.outcome(), decision.perProfile());
    }

    Refusal refusal() {
        return refusal;
    }

    String decisionId() {
        return decisionId;
    }
}
