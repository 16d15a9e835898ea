package io.imsconnect.server.signin;

import java.util.Set;

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
 * recorded on its own and the sign-in ends with {@link LoginRefusedException}.
 */
@Service
class SignInService {

    private final Provisioning provisioning;
    private final LoginDecisionService decisions;

    SignInService(Provisioning provisioning, LoginDecisionService decisions) {
        this.provisioning = provisioning;
        this.decisions = decisions;
    }

    /** The operator signed in, with the rights the session carries (read from the database). */
    record SignedIn(String operator, Set<String> rights, String decisionId) {
    }

    @Transactional
    public SignedIn signIn(AccountSettings account, Identity identity) {
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
