package io.imsconnect.server.decision;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.imsconnect.core.access.AccessDecision;
import io.imsconnect.core.access.Identity;
import io.imsconnect.core.access.Outcome;
import io.imsconnect.core.membership.MembershipChange;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Records every sign-in attempt's decision, counts them by outcome, and lists them for administrators. */
@Service
public class LoginDecisionService {

    private final LoginDecisionRepository decisions;
    private final UnansweredFailures unanswered;
    private final LoginFailureTally tallies;
    private final MeterRegistry meters;
    private final Clock clock;

    LoginDecisionService(LoginDecisionRepository decisions, UnansweredFailures unanswered,
            LoginFailureTally tallies, MeterRegistry meters, Clock clock) {
        this.decisions = decisions;
        this.unanswered = unanswered;
        this.tallies = tallies;
        this.meters = meters;
        this.clock = clock;
    }

    /** The decision to record for {@code identity}'s attempt through {@code account}, with a new reference. */
    public LoginDecision decided(String account, Identity identity, String operator, AccessDecision decision,
            MembershipChange change) {
        return new LoginDecision(UUID.randomUUID().toString(), clock.instant(), account, identity.subject(),
                identity.email(), operator, decision.outcome(), decision.reason(), identity.profiles(),
                decision.perProfile(), decision.allowed() ? List.copyOf(decision.groups()) : null,
                decision.allowed() ? List.copyOf(change.add()) : null,
                decision.allowed() ? List.copyOf(change.remove()) : null);
    }

    /** Records within the caller's transaction: an allowed sign-in and its changes commit together. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordWithChanges(LoginDecision decision) {
        decisions.insert(decision);
        count(decision.outcome());
    }

    /** Records on its own, so the record stays while the refused sign-in's transaction rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAlone(LoginDecision decision) {
        decisions.insert(decision);
        count(decision.outcome());
    }

    /**
     * A sign-in that failed after the provider's tokens came back, before any identity was known (an ID token
     * refused, a profile unreadable): the provider vouched for the attempt, so it is recorded in full.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public LoginDecision recordFailure(String account, String reason) {
        LoginDecision decision = failure(account, reason);
        decisions.insert(decision);
        count(Outcome.FAILED);
        return decision;
    }

    /**
     * A sign-in that failed before the provider's tokens came back (a forged or replayed callback, a provider
     * down or busy), which anyone can cause at will: counted, and recorded in full once per account, reason and
     * interval ({@code imsconnect.login.failure-sample-interval}). Returns the interval's sample, whose reference
     * the refusal page shows. docs/decisions/0013.
     *
     * @param reasonCode one of a few fixed codes, never text from the request
     */
    public LoginDecision recordUnanswered(String account, String reasonCode, String reason) {
        count(Outcome.FAILED);
        return unanswered.record(failure(account, reason), reasonCode);
    }

    private LoginDecision failure(String account, String reason) {
        return new LoginDecision(UUID.randomUUID().toString(), clock.instant(), account, null, null, null,
                Outcome.FAILED, reason, null, null, null, null, null);
    }

    @Transactional(readOnly = true)
    public Optional<LoginDecision> find(String id) {
        return decisions.find(id);
    }

    @Transactional(readOnly = true)
    public List<LoginDecision> find(LoginDecisionQuery query) {
        return decisions.find(query);
    }

    /** The counts of failed sign-ins that never got the provider's tokens ({@link #recordUnanswered}). */
    @Transactional(readOnly = true)
    public List<LoginFailureCount> failures(LoginFailureQuery query) {
        return tallies.find(query);
    }

    private void count(Outcome outcome) {
        Counter.builder("imsconnect.login.decisions").description("Sign-ins through external accounts by outcome")
                .tag("outcome", outcome.name()).register(meters).increment();
    }
}
