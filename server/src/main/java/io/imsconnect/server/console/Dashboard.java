package io.imsconnect.server.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.imsconnect.core.access.Outcome;
import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.account.AccountService;
import io.imsconnect.server.connection.ConnectionTester;
import io.imsconnect.server.decision.LoginDecisionService;
import io.imsconnect.server.sync.DirectorySync;
import io.imsconnect.server.sync.SyncRun;

/**
 * The administrators' home: each external account with its state, recent refusals by reason, and what to do next
 * while the instance is not set up. Reads only; every figure links to the page that explains it.
 */
@Component
public class Dashboard {

    static final Duration RECENT = Duration.ofHours(24);

    private final AccountService accounts;
    private final LoginDecisionService decisions;
    private final ConnectionTester connections;
    private final DirectorySync sync;
    private final Clock clock;

    Dashboard(AccountService accounts, LoginDecisionService decisions, ConnectionTester connections,
            DirectorySync sync, Clock clock) {
        this.accounts = accounts;
        this.decisions = decisions;
        this.connections = connections;
        this.sync = sync;
        this.clock = clock;
    }

    /** One external account's row: its settings, last allowed sign-in, last Test connection, last sync run. */
    public record AccountState(AccountSettings account, Instant lastSignIn, ConnectionTester.LastTest lastTest,
            SyncRun lastRun) {
    }

    /** What is not set up yet; all false once the instance lets operators in through an account. */
    public record Setup(boolean installPackage, boolean fillAccount, boolean createGroups) {

        public boolean done() {
            return !installPackage && !fillAccount && !createGroups;
        }
    }

    List<AccountState> accounts() {
        List<AccountSettings> all = accounts.list();
        Map<String, Instant> lastSignIn = decisions.lastAllowed(all.stream().map(AccountSettings::internalName).toList());
        Map<String, ConnectionTester.LastTest> lastTests = connections.lastTests();
        return all.stream().map(a -> new AccountState(a, lastSignIn.get(a.internalName()),
                lastTests.get(a.internalName()),
                sync.list(a.internalName(), null, null, 1).stream().findFirst().orElse(null))).toList();
    }

    Map<Outcome, Long> recentRefusals() {
        return decisions.refusalsSince(since());
    }

    /** The start of the "recent" window, as the filter the refusal links carry. */
    Instant since() {
        return clock.instant().minus(RECENT).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Until somebody has signed in through an account, the groups the mask maps the organization's profiles to may
     * not exist yet: a sign-in never creates a group, so the dashboard says to create them.
     */
    Setup setup() {
        List<AccountSettings> all = accounts.list();
        boolean anyEnabled = all.stream().anyMatch(AccountSettings::enabled);
        boolean nobodySignedIn = decisions.lastAllowed(all.stream().map(AccountSettings::internalName).toList())
                .isEmpty();
        return new Setup(!accounts.isPackageInstalled(), !anyEnabled, nobodySignedIn);
    }
}
