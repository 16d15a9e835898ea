package io.imsconnect.server.signin;

import java.util.Set;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.imsconnect.core.access.Identity;
import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.decision.LoginDecision;
import io.imsconnect.server.decision.LoginDecisionService;
import io.imsconnect.server.provisioning.Provisioning;

/**
 * The end of a sign-in: the provisioning step decides and applies, and the decision is recorded. Allowed: the
 * decision commits in one transaction with the operator's changes. Refused: nothing changes, the decision is
 * recorded on its own and the sign-in ends with {@link LoginRefusedException}. The ID token's nonce is used once:
 * the first statement of the transaction.
 */
@Service
class SignInService {

    /** Spring Security's code for a callback that matches no live authorization request (a replay is one). */
    static final String REQUEST_NOT_FOUND = "authorization_request_not_found";

    private final Provisioning provisioning;
    private final LoginDecisionService decisions;
    private final UsedNonces nonces;

    SignInService(Provisioning provisioning, LoginDecisionService decisions, UsedNonces nonces) {
        this.provisioning = provisioning;
        this.decisions = decisions;
        this.nonces = nonces;
    }

    /** The operator signed in, with the rights the session carries (read from the database). */
    record SignedIn(String operator, Set<String> rights, String decisionId) {
    }

    /**
     * @param nonce the ID token's nonce, which Spring Security has checked against the authorization request's;
     *        a nonce already used is a replayed callback and changes nothing (docs/decisions/0025)
     */
    @Transactional
    public SignedIn signIn(AccountSettings account, Identity identity, String nonce) {
        if (nonce == null || !nonces.firstUse(nonce)) {
            throw new OAuth2AuthenticationException(new OAuth2Error(REQUEST_NOT_FOUND,
                    "This sign-in's authorization request was used before (a replayed callback)", null));
        }
        Provisioning.Provisioned provisioned = provisioning.provision(account, identity);
        LoginDecision decision = decisions.decided(account.internalName(), identity, provisioned.operator(),
                provisioned.decision(), provisioned.change());
        if (!decision.outcome().allowed()) {
            decisions.recordAlone(decision);
            throw new LoginRefusedException(decision);
        }
        decisions.recordWithChanges(decision);
        return new SignedIn(provisioned.operator(), provisioned.rights(), decision.id());
    }
}
