package io.imsconnect.server.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.imsconnect.core.access.AccessPolicy;
import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.sync.DirectoryPlanner;
import io.imsconnect.core.sync.PlannedChange;
import io.imsconnect.core.sync.SafetyCap;
import io.imsconnect.core.sync.SyncPlan;
import io.imsconnect.core.sync.SyncedOperator;
import io.imsconnect.server.account.AccountService;
import io.imsconnect.server.audit.AuditService;
import io.imsconnect.server.group.GroupService;
import io.imsconnect.server.operator.OperatorService;
import io.imsconnect.server.provider.DirectoryClient;
import io.imsconnect.server.provider.DirectoryClient.FetchedPage;
import io.imsconnect.server.provider.DirectoryClient.PageRead;
import io.imsconnect.server.provisioning.Provisioning;
import io.imsconnect.server.provisioning.Provisioning.Applied;
import io.imsconnect.server.sync.SyncRunRepository.StagedPage;

/**
 * One step of a run, as db-scheduler executes it: read pages until the last (each into the plan as it arrives,
 * staged only if the step stops to wait), plan, then apply or hold; a throttle or a transient failure returns when
 * to come back instead of sleeping, so no thread or transaction is held through a wait. Never deprovisions from a
 * partial read: nothing is planned, so nothing applied, until every page is in.
 */
@Component
class SyncRunner {

    private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);

    private final SyncRunRepository runs;
    private final SyncPlans plans;
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

    SyncRunner(SyncRunRepository runs, SyncPlans plans, AccountService accounts, DirectoryClient directory,
            OperatorService operators, GroupService groups, Provisioning provisioning, AuditService audit,
            TransactionTemplate tx, SyncProperties properties, SyncMetrics metrics, Clock clock) {
        this.runs = runs;
        this.plans = plans;
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
        RunTimes times = new RunTimes();
        SyncRun run = times.database(() -> runs.find(id)).orElse(null);
        if (run == null || run.state().ended()) {
            return Optional.empty();
        }
        Optional<AccountSettings> account = accounts.find(run.account()).filter(AccountSettings::enabled);
        if (account.isEmpty()) {
            end(run, RunState.FAILED, "The account was removed or disabled during the run; nothing applied.", times);
            return Optional.empty();
        }
        try {
            if (!run.planned()) {
                DirectoryPlanner planner = planner(run, account.get(), times);
                Optional<Instant> later = read(run, account.get(), times, planner);
                SyncRun read = times.database(() -> runs.find(id)).orElseThrow();
                // Planned only from a read that reached the last page: a failed read ended the run.
                if (later.isPresent() || read.state().ended()) {
                    return later;
                }
                plan(read, account.get(), times, planner).ifPresent(plan -> apply(run, account.get(), times, plan));
                return Optional.empty();
            }
            apply(run, account.get(), times, null);
        } catch (RuntimeException unexpected) {
            log.error("Directory sync run {} of {} failed", id, run.account(), unexpected);
            end(run, RunState.FAILED, "The run failed unexpectedly (" + unexpected.getClass().getSimpleName()
                    + "); see the server log. Changes applied before it stay applied, each operator whole.", times);
        }
        return Optional.empty();
    }

    /**
     * Reads the pages left, each into the planner as it arrives; a page is staged (written to the database) only
     * when this step must stop reading before the last page, to wait for the directory: the next step, on any
     * node, plans from the staged pages and reads on (docs/decisions/0026-directory-sync-reads-into-the-plan.md).
     * Once a page's answer says another follows, that one is asked for on a second thread while this one is
     * planned, so a single request is in flight at any time (docs/decisions/0029-directory-sync-reads-ahead.md).
     */
    private Optional<Instant> read(SyncRun run, AccountSettings account, RunTimes times, DirectoryPlanner planner) {
        String secret = times.database(() -> accounts.directoryClientSecret(account.internalName())).orElse(null);
        if (secret == null) {
            end(run, RunState.FAILED, "The account has no directoryClientSecret; nothing read, nothing applied.",
                    times);
            return Optional.empty();
        }
        ExecutorService ahead = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "directory-read-ahead-" + run.id());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<Integer, String> unstaged = new LinkedHashMap<>();
            Future<FetchedPage> next = null;
            for (int page = run.nextPage();; page++) {
                int number = page;
                Future<FetchedPage> asked = next;
                FetchedPage fetched = times.directory(() -> asked != null ? await(asked)
                        : directory.fetchUsersPage(account, secret, number));
                next = fetched.followed() ? ahead.submit(() -> directory.fetchUsersPage(account, secret, number + 1))
                        : null;
                PageRead read = times.directory(fetched::read);
                if (read instanceof PageRead.Users users) {
                    users.users().forEach(planner::read);
                    if (!users.lastPage()) {
                        unstaged.put(number, runs.staged(users.users()));
                    }
                    times.database(() -> runs.pageRead(run.id(), users.users().size(), times));
                    metrics.usersRead(users.users().size());
                    if (users.lastPage()) {
                        return Optional.empty();
                    }
                } else if (read instanceof PageRead.Failed failed) {
                    end(run, RunState.FAILED, "The directory could not be read in full (" + failed.reason()
                            + "); nothing applied.", times);
                    return Optional.empty();
                } else {
                    times.database(() -> tx.executeWithoutResult(status -> runs.stage(run.id(), unstaged)));
                    return waitFor(times.database(() -> runs.find(run.id())).orElseThrow(), read, times);
                }
            }
        } finally {
            ahead.shutdownNow();
        }
    }

    /** The page asked for ahead; a failure in asking is the failure of the read. */
    private static FetchedPage await(Future<FetchedPage> asked) {
        try {
            return asked.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the directory", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException unexpected ? unexpected
                    : new IllegalStateException(e.getCause());
        }
    }

    /** Honours Retry-After; else exponential back-off with jitter; fails once the total wait would pass its bound. */
    private Optional<Instant> waitFor(SyncRun run, PageRead read, RunTimes times) {
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
                    + properties.maxWait().toSeconds() + " s; nothing applied.", times);
            return Optional.empty();
        }
        runs.waited(run.id(), delay.toMillis(), "Waiting " + delay.toMillis() + " ms: " + reason, times);
        return Optional.of(clock.instant().plus(delay));
    }

    /**
     * A planner against the account's operators as they are now, holding the pages earlier steps of the run staged
     * (none unless the run waited for the directory).
     */
    private DirectoryPlanner planner(SyncRun run, AccountSettings account, RunTimes times) {
        Map<String, Set<String>> mask = times.database(() -> groups.maskGroupsByOperator(account.internalName()));
        List<SyncedOperator> known = times.database(() -> operators.listExternal(account.internalName())).stream()
                .map(o -> new SyncedOperator(o.name(), o.subject(), o.email(), o.suspension(),
                        mask.getOrDefault(o.name(), Set.of())))
                .toList();
        DirectoryPlanner planner = new DirectoryPlanner(AccessPolicy.of(account), times.database(groups::names),
                known, account.syncPreCreate());
        int last = -1;
        for (Optional<StagedPage> page; run.nextPage() > 0 && (page = pageAfter(run.id(), last, times)).isPresent();
                last = page.get().page()) {
            runs.users(page.get().staged()).forEach(planner::read);
        }
        return planner;
    }

    /** Stores the plan of a read that reached the last page; returns it when it is to be applied now. */
    private Optional<List<PlannedChange>> plan(SyncRun run, AccountSettings account, RunTimes times,
            DirectoryPlanner planner) {
        SyncPlan plan = planner.finish(SafetyCap.of(account));
        times.database(() -> tx.executeWithoutResult(status -> {
            plans.store(run.id(), plan.changes());
            runs.planned(run.id(), plan.changes().size(), plan.takingAccess(), plan.limit(), clock.instant(), times);
        }));
        if (run.nextPage() > 0) {
            times.database(() -> runs.deletePages(run.id()));
        }
        if (run.dryRun()) {
            end(run, RunState.DRY_RUN, "Dry run: " + plan.changes().size() + " changes planned, none applied.",
                    times);
            return Optional.empty();
        }
        if (plan.held()) {
            end(run, RunState.HELD, plan.takingAccess() + " operators would be suspended or lose a group, more "
                    + "than the safety cap's " + plan.limit() + ": review the plan, then apply or discard it.", times);
            return Optional.empty();
        }
        return Optional.of(plan.changes());
    }

    private Optional<StagedPage> pageAfter(long run, int page, RunTimes times) {
        return times.database(() -> runs.pageAfter(run, page));
    }

    /**
     * Applies every change not applied yet, {@value SyncRunRepository#APPLY_CHUNK} operators a transaction with
     * their audit events (one per change that changed something) and the run's watermark: a node that dies mid-run
     * leaves whole chunks applied and counted, and the rest not (docs/decisions/0016-directory-sync-in-batches.md,
     * 0021-directory-sync-writes-less.md). {@code stored}: the plan this step has just stored, applied from memory
     * instead of read back (docs/decisions/0024-directory-sync-first-run.md); {@code null}: the stored plan is read
     * (a held plan an administrator applies, or a run resumed).
     */
    private void apply(SyncRun run, AccountSettings account, RunTimes times, List<PlannedChange> stored) {
        int from = stored != null ? 0 : times.database(() -> runs.appliedThrough(run.id())) + 1;
        for (List<SyncChange> chunk = pending(run.id(), from, stored, times); !chunk.isEmpty();
                chunk = pending(run.id(), chunk.get(chunk.size() - 1).seq() + 1, stored, times)) {
            List<SyncChange> changes = chunk;
            int applied = times.database(() -> tx.execute(status -> {
                List<Applied> done = provisioning.applyAll(account.internalName(),
                        changes.stream().map(SyncPlans::planned).toList());
                List<AuditService.Entry> events = SyncEvents.of(run.id(), account.internalName(), changes, done);
                audit.recordAll(events);
                runs.applied(run.id(), changes.get(changes.size() - 1).seq(), events.size(), times);
                return events.size();
            }));
            metrics.changesApplied(applied);
        }
        SyncRun done = times.database(() -> runs.find(run.id())).orElseThrow();
        end(done, RunState.SUCCEEDED, done.appliedChanges() + " of " + done.plannedChanges()
                + " planned changes applied (the others were already in force or only reported).", times);
    }

    private List<SyncChange> pending(long run, int fromSeq, List<PlannedChange> stored, RunTimes times) {
        if (stored == null) {
            return times.database(() -> plans.pending(run, fromSeq));
        }
        List<SyncChange> chunk = new ArrayList<>(SyncRunRepository.APPLY_CHUNK);
        for (int seq = fromSeq; seq < Math.min(stored.size(), fromSeq + SyncRunRepository.APPLY_CHUNK); seq++) {
            chunk.add(SyncPlans.change(run, seq, stored.get(seq)));
        }
        return chunk;
    }

    private void end(SyncRun run, RunState state, String reason, RunTimes times) {
        Instant now = clock.instant();
        times.database(() -> runs.deletePages(run.id()));
        if (runs.end(run.id(), RunState.RUNNING, state, reason, now, times)) {
            metrics.ended(state, run.startedAt(), now);
        }
    }
}
