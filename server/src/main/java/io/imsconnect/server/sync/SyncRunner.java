package io.imsconnect.server.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.imsconnect.core.access.AccessPolicy;
import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.sync.DirectoryPlanner;
import io.imsconnect.core.sync.SafetyCap;
import io.imsconnect.core.sync.SyncPlan;
import io.imsconnect.core.sync.SyncedOperator;
import io.imsconnect.server.account.AccountService;
import io.imsconnect.server.audit.AuditService;
import io.imsconnect.server.group.GroupService;
import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.provider.DirectoryClient;
import io.imsconnect.server.provider.DirectoryClient.PageRead;
import io.imsconnect.server.provisioning.Provisioning;

/**
 * One step of a run, as db-scheduler executes it: read pages until the last (each page staged in its own short
 * transaction), plan, then apply or hold; a throttle or a transient failure returns when to come back instead of
 * sleeping, so no thread or transaction is held through a wait. Never deprovisions from a partial read: nothing is
 * planned, so nothing applied, until every page is in.
 */
@Component
class SyncRunner {

    private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);

    private final SyncRunRepository runs;
    private final AccountService accounts;
    private final DirectoryClient directory;
    private final OperatorService operators;
    private final GroupService groups;
    private final Provisioning provisioning;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final SyncProperties properties;
    private final SyncMetrics metrics;
    private final Clock clock;

    SyncRunner(SyncRunRepository runs, AccountService accounts, DirectoryClient directory, OperatorService operators,
            GroupService groups, Provisioning provisioning, AuditService audit, TransactionTemplate tx,
            SyncProperties properties, SyncMetrics metrics, Clock clock) {
        this.runs = runs;
        this.accounts = accounts;
        this.directory = directory;
        this.operators = operators;
        this.groups = groups;
        this.provisioning = provisioning;
        this.audit = audit;
        this.tx = tx;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Moves the run on; returns when to call again, or empty when it ended (or was held). */
    Optional<Instant> step(long id) {
        SyncRun run = runs.find(id).orElse(null);
        if (run == null || run.state().ended()) {
            return Optional.empty();
        }
        Optional<AccountSettings> account = accounts.find(run.account()).filter(AccountSettings::enabled);
        if (account.isEmpty()) {
            end(run, RunState.FAILED, "The account was removed or disabled during the run; nothing applied.");
            return Optional.empty();
        }
        try {
            if (!run.planned()) {
                Optional<Instant> later = read(run, account.get());
                SyncRun read = runs.find(id).orElseThrow();
                // Planned only from a read that reached the last page: a failed read ended the run.
                if (later.isPresent() || read.state().ended() || !plan(read, account.get())) {
                    return later;
                }
            }
            apply(runs.find(id).orElseThrow(), account.get());
        } catch (RuntimeException unexpected) {
            log.error("Directory sync run {} of {} failed", id, run.account(), unexpected);
            end(run, RunState.FAILED, "The run failed unexpectedly (" + unexpected.getClass().getSimpleName()
                    + "); see the server log. Changes applied before it stay applied, each operator whole.");
        }
        return Optional.empty();
    }

    private Optional<Instant> read(SyncRun run, AccountSettings account) {
        String secret = accounts.directoryClientSecret(account.internalName()).orElse(null);
        if (secret == null) {
            end(run, RunState.FAILED, "The account has no directoryClientSecret; nothing read, nothing applied.");
            return Optional.empty();
        }
        for (int page = run.nextPage();; page++) {
            PageRead read = directory.usersPage(account, secret, page);
            if (read instanceof PageRead.Users users) {
                int number = page;
                tx.executeWithoutResult(status -> runs.pageRead(run.id(), number, users.users()));
                metrics.usersRead(users.users().size());
                if (users.lastPage()) {
                    return Optional.empty();
                }
            } else if (read instanceof PageRead.Failed failed) {
                end(run, RunState.FAILED, "The directory could not be read in full (" + failed.reason()
                        + "); nothing applied.");
                return Optional.empty();
            } else {
                return waitFor(runs.find(run.id()).orElseThrow(), read);
            }
        }
    }

    /** Honours Retry-After; else exponential back-off with jitter; fails once the total wait would pass its bound. */
    private Optional<Instant> waitFor(SyncRun run, PageRead read) {
        Duration delay;
        String reason;
        if (read instanceof PageRead.Wait wait && wait.after() != null) {
            delay = wait.after();
            reason = wait.reason();
        } else {
            long base = properties.firstBackOff().toMillis() << Math.min(run.retries(), 20);
            long capped = Math.min(base, properties.maxBackOff().toMillis());
            delay = Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
            reason = read instanceof PageRead.Wait wait ? wait.reason() : ((PageRead.Retry) read).reason();
        }
        Duration waited = Duration.ofMillis(run.waitedMillis());
        if (waited.plus(delay).compareTo(properties.maxWait()) > 0) {
            end(run, RunState.FAILED, "Gave up: the directory kept failing (" + reason + ") and the run had waited "
                    + waited.toSeconds() + " s, with " + delay.toSeconds() + " s more asked, past the bound of "
                    + properties.maxWait().toSeconds() + " s; nothing applied.");
            return Optional.empty();
        }
        runs.waited(run.id(), delay.toMillis(), "Waiting " + delay.toMillis() + " ms: " + reason);
        return Optional.of(clock.instant().plus(delay));
    }

    /** Plans from the staged read; true when the plan is to be applied now. */
    private boolean plan(SyncRun run, AccountSettings account) {
        Map<String, Set<String>> mask = groups.maskGroupsByOperator(account.internalName());
        List<SyncedOperator> known = operators.listExternal(account.internalName()).stream()
                .map(o -> new SyncedOperator(o.name(), o.subject(), o.email(), o.suspension(),
                        mask.getOrDefault(o.name(), Set.of())))
                .toList();
        DirectoryPlanner planner = new DirectoryPlanner(AccessPolicy.of(account), groups.names(), known,
                account.syncPreCreate());
        runs.forEachUser(run.id(), planner::read);
        SyncPlan plan = planner.finish(SafetyCap.of(account));
        tx.executeWithoutResult(status -> runs.planned(run.id(), plan.changes(), plan.takingAccess(), plan.limit(),
                clock.instant()));
        runs.deleteUsers(run.id());
        if (run.dryRun()) {
            end(run, RunState.DRY_RUN, "Dry run: " + plan.changes().size() + " changes planned, none applied.");
            return false;
        }
        if (plan.held()) {
            end(run, RunState.HELD, plan.takingAccess() + " operators would be suspended or lose a group, more "
                    + "than the safety cap's " + plan.limit() + ": review the plan, then apply or discard it.");
            return false;
        }
        return true;
    }

    /**
     * Applies every change not applied yet, {@value SyncRunRepository#APPLY_CHUNK} operators a transaction with
     * their marks and audit events: a node that dies mid-run leaves whole chunks applied and marked, and the rest
     * unmarked (docs/decisions/0016-directory-sync-in-batches.md).
     */
    private void apply(SyncRun run, AccountSettings account) {
        for (List<SyncChange> chunk = runs.pending(run.id(), 0); !chunk.isEmpty();
                chunk = runs.pending(run.id(), chunk.get(chunk.size() - 1).seq() + 1)) {
            List<SyncChange> changes = chunk;
            int applied = tx.execute(status -> {
                List<Boolean> changed = provisioning.applyAll(account.internalName(),
                        changes.stream().map(SyncRunRepository::planned).toList());
                List<AuditService.Entry> events = new ArrayList<>();
                for (int i = 0; i < changes.size(); i++) {
                    SyncChange change = changes.get(i);
                    if (changed.get(i)) {
                        events.add(new AuditService.Entry("directorySync.change.applied", "operator",
                                change.operator() == null ? change.subject() : change.operator(), null,
                                Map.of("run", run.id(), "kind", change.kind(), "added", change.added(),
                                        "removed", change.removed(), "reason", change.reason())));
                    }
                }
                audit.recordAll(events);
                runs.applied(run.id(), changes.get(0).seq(), changes.get(changes.size() - 1).seq(), events.size());
                return events.size();
            });
            metrics.changesApplied(applied);
        }
        SyncRun done = runs.find(run.id()).orElseThrow();
        end(done, RunState.SUCCEEDED, done.appliedChanges() + " of " + done.plannedChanges()
                + " planned changes applied (the others were already in force or only reported).");
    }

    private void end(SyncRun run, RunState state, String reason) {
        Instant now = clock.instant();
        if (runs.end(run.id(), RunState.RUNNING, state, reason, now)) {
            metrics.ended(state, run.startedAt(), now);
        }
        runs.deleteUsers(run.id());
    }
}
