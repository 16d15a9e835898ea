package io.imsconnect.server.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Service;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.account.AccountService;
import io.imsconnect.server.decision.LoginDecision;
import io.imsconnect.server.operator.Operator;
import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.provider.BearerIdentity;
import io.imsconnect.server.provider.BearerTokenRefused;
import io.imsconnect.server.provider.ProviderType;
import io.imsconnect.server.provider.ProviderTypes;
import io.imsconnect.server.provider.UnverifiedClaims;

/**
 * The REST API's {@code Authorization: Bearer} sign-in: the token goes to the enabled accounts that take API
 * tokens, routed by its unverified claims (IMS: {@code client_id}; OpenID: {@code iss}); the account's provider
 * type checks it and reads the identity; the sign-in decision is made by the one provisioning step. The answer
 * is cached by the token's hash ({@link TokenCache}); the operator's state and rights are read at every call, so
 * an administrator's change (disable, remove a group) applies at once.
 */
@Service
public class ApiTokens {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiTokens.class);

    private final AccountService accounts;
    private final ProviderTypes types;
    private final ApiTokenSignIn signIns;
    private final OperatorService operators;
    private final TokenCache cache;
    private final RefusalRecords refusals;

    ApiTokens(AccountService accounts, ProviderTypes types, ApiTokenSignIn signIns, OperatorService operators,
            TokenCache cache, RefusalRecords refusals) {
        this.accounts = accounts;
        this.types = types;
        this.signIns = signIns;
        this.operators = operators;
        this.cache = cache;
        this.refusals = refusals;
    }

    /**
     * The API chain's authentication manager for bearer requests. Not a bean of that type: Spring Security would
     * take it for the one that checks passwords.
     */
    public AuthenticationManager manager() {
        return request -> authenticate(((BearerTokenAuthenticationToken) request).getToken());
    }

    Authentication authenticate(String token) {
        Optional<TokenCache.Checked> cached = cache.get(token);
        if (cached.isPresent() && cached.get().refusal() != null) {
            throw cached.get().refusal();
        }
        Optional<Operator> operator = cached.flatMap(c -> operators.findByName(c.operator()))
                .filter(o -> !o.disabled() && !o.suspended());
        if (operator.isEmpty()) {
            // Not cached, or the operator was disabled, suspended by the directory or removed since: decide again,
            // recording why.
            cache.forget(token);
            operator = Optional.of(operators.findByName(check(token)).orElseThrow());
        }
        List<SimpleGrantedAuthority> rights = operators.rightsOf(operator.get().name()).stream()
                .map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(operator.get().name(), null, rights);
    }

    /** Checks the token with the accounts that may have issued it; the operator let in, or throws. */
    private String check(String token) {
        Optional<UnverifiedClaims> claims = UnverifiedClaims.of(token);
        List<AccountSettings> candidates = new ArrayList<>();
        for (AccountSettings account : accounts.enabled()) {
            if (!account.apiClientIds().isEmpty() && types.of(account).routesBearer(account, claims)) {
                candidates.add(account);
            }
        }
        if (candidates.isEmpty()) {
            // Garbage, or a token no account takes: neither cached nor recorded one by one.
            throw refusals.refused(RefusalRecords.NO_ACCOUNT, new BearerTokenRefused(
                    BearerTokenRefused.Reason.NOT_ACCEPTED, "No enabled external account takes this token: it is "
                            + "not an access token of an account's provider, or its client is not among the "
                            + "account's API clients (apiClientIds)."));
        }
        BearerTokenRefused last = null;
        AccountSettings lastAccount = null;
        for (AccountSettings account : candidates) {
            ProviderType type = types.of(account);
            BearerIdentity bearer;
            try {
                bearer = type.readBearer(account, token, accounts.imsClientSecret(account.internalName()).orElse(null));
            } catch (BearerTokenRefused refused) {
                last = refused;
                lastAccount = account;
                continue;
            } catch (RuntimeException unexpected) {
                log.error("Checking an API token with {} failed unexpectedly", account.internalName(), unexpected);
                last = new BearerTokenRefused(BearerTokenRefused.Reason.PROVIDER_UNAVAILABLE, "The token could "
                        + "not be checked with the provider of " + account.internalName() + "; try again.");
                lastAccount = account;
                continue;
            }
            return decide(token, account, bearer);
        }
        ApiTokenRefused refusal = refusals.refused(lastAccount.internalName(), last);
        if (last.reason() != BearerTokenRefused.Reason.PROVIDER_UNAVAILABLE) {
            cache.put(token, null, refusal, null);
        }
        throw refusal;
    }

    private String decide(String token, AccountSettings account, BearerIdentity bearer) {
        LoginDecision decision;
        try {
            try {
                decision = signIns.signIn(account, bearer);
            } catch (DataIntegrityViolationException concurrent) {
                // Two first calls with the same identity at once: the loser finds what the winner made.
                decision = signIns.signIn(account, bearer);
            }
        } catch (RuntimeException unexpected) {
            log.error("API token of {} through {} failed unexpectedly", bearer.identity().subject(),
                    account.internalName(), unexpected);
            throw new ApiTokenRefused(401, "The instance could not complete the token's sign-in; try again.", null);
        }
        if (!decision.outcome().allowed()) {
            ApiTokenRefused refusal = new ApiTokenRefused(403, decision.reason(), decision.id());
            cache.put(token, null, refusal, bearer.expiresAt());
            throw refusal;
        }
        cache.put(token, decision.operator(), null, bearer.expiresAt());
        return decision.operator();
    }
}
