package io.imsconnect.server.token;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.decision.LoginDecision;
import io.imsconnect.server.decision.LoginDecisionService;
import io.imsconnect.server.provider.BearerIdentity;
import io.imsconnect.server.provisioning.Provisioning;

/**
 * A checked bearer token's decision: the one provisioning step (as at sign-in: organization, product context,
 * mask, disabled operator; a technical operator created at its first call) and its recorded login decision,
 * in one transaction. Refused: nothing changes but the record.
 */
@Service
class ApiTokenSignIn {

    private final Provisioning provisioning;
    private final LoginDecisionService decisions;

    ApiTokenSignIn(Provisioning provisioning, LoginDecisionService decisions) {
        this.provisioning = provisioning;
        this.decisions = decisions;
    }

    /** The decision, recorded; its {@code operator} is the one let in when allowed. */
    @Transactional
    public LoginDecision signIn(AccountSettings account, BearerIdentity bearer) {
        Provisioning.Provisioned provisioned = provisioning.provision(account, bearer.identity(), bearer.technical());
        LoginDecision decision = decisions.decided(account.internalName(), bearer.identity(), provisioned.operator(),
                provisioned.decision(), provisioned.change());
        decisions.recordWithChanges(decision);
        return decision;
    }
}
