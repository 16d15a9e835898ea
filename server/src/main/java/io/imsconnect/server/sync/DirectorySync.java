package io.imsconnect.server.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.account.AccountService;
import io.imsconnect.server.audit.AuditService;
import io.imsconnect.server.errors.ConflictException;
import io.imsconnect.server.errors.NotFoundException;
import io.imsconnect.server.provider.DirectoryClient;

/**
 * Starting runs (now, as a dry run, or when due), reading them, and an administrator's decision on a held one:
 * apply exactly its stored plan, or discard it.
 */
@Service
public class DirectorySync {

    static final String SCHEDULE = "schedule";

    private final SyncRunRepository runs;
    private final SyncPlans plans;
    private final AccountService accounts;
    private final DirectoryClient directory;
    private final AuditService audit;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final TransactionTemplate tx;
    private final Clock clock;

    DirectorySync(SyncRunRepository runs, SyncPlans plans, AccountService accounts, DirectoryClient directory,
            AuditService audit, ObjectProvider<SchedulerClient> scheduler, TransactionTemplate tx, Clock clock) {
        this.tx = tx;
        this.runs = runs;
        this.plans = plans;
        this.accounts = accounts;
        this.directory = directory;
        this.audit = audit;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Starts a run of the account (404 unknown; 409 without a directory, or while a run of it is under way). */
    public SyncRun start(String accountName, boolean dryRun, String startedBy) {
        AccountSettings account = accounts.require(accountName);
        if (!account.enabled() || !readable(account)) {
            throw new ConflictException("account", "noDirectory", "the account '" + accountName + "' must be "
                    + "enabled and have directoryServer, directoryClientId, directoryClientSecret and "
                    + "imsOrganizationId for its directory to be read");
        }
        abandonDead(accountName);
        if (!runs.running(accountName).isEmpty()) {
            throw running(accountName);
        }
        long id = runs.create(accountName, dryRun, startedBy, clock.instant());
        if (!scheduler.getObject().scheduleIfNotExists(SyncTasks.RUN.instance(accountName).data(id).build(),
                clock.instant())) {
            runs.delete(id);
            throw running(accountName);
        }
        return get(id);
    }

    /** The enabled accounts whose directory can be read: those a run may be started for. */
    public List<String> readableAccounts() {
        return accounts.enabled().stream().filter(this::readable).map(AccountSettings::internalName).toList();
    }

    /** Whether a run can read the account's directory; the secret is only decrypted by the run that uses it. */
    private boolean readable(AccountSettings account) {
        return directory.readable(account) && account.directoryClientSecretSet();
    }

    /**
     * Starts a run of every readable account whose last run started its {@code syncIntervalMinutes} ago or more
     * (Adobe asks for full syncs no more often than every two hours, docs/provider-facts.md#umapi-throttling).
     */
    void startDue() {
        for (AccountSettings account : accounts.enabled()) {
            if (!readable(account)) {
                continue;
            }
            List<SyncRun> last = runs.find(account.internalName(), null, null, 1);
            if (last.isEmpty() || !last.get(0).startedAt().plus(Duration.ofMinutes(account.syncIntervalMinutes()))
                    .isAfter(clock.instant())) {
                try {
                    start(account.internalName(), false, SCHEDULE);
                } catch (ConflictException underWay) {
                    // A run of this account is under way (or being started by a request): it is the due one.
                }
            }
        }
    }

    /** A RUNNING run whose task is gone: its node died mid-run (the dead execution was cancelled). */
    private void abandonDead(String accountName) {
        boolean taskAlive = scheduler.getObject().getScheduledExecution(SyncTasks.RUN.instanceId(accountName))
                .isPresent();
        if (!taskAlive) {
            for (SyncRun run : runs.running(accountName)) {
                runs.end(run.id(), RunState.RUNNING, RunState.ABANDONED, "Its node stopped during the run; the "
                        + "changes applied before stay applied, each operator whole.", clock.instant());
                runs.deletePages(run.id());
            }
        }
    }

    @Transactional(readOnly = true)
    public List<SyncRun> list(String account, RunState state, String operator, int limit) {
        return runs.find(account, state, operator, Math.max(1, Math.min(limit, 500)));
    }

    @Transactional(readOnly = true)
    public SyncRun get(long id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("directory-sync run", String.valueOf(id)));
    }

    @Transactional(readOnly = true)
    public List<SyncChange> changes(long id, String operator, int offset, int limit) {
        get(id);
        return plans.changes(id, operator, Math.max(0, offset), Math.max(1, Math.min(limit, 1000)));
    }

    /**
     * Applies exactly the held plan: the run goes back to RUNNING (committed, with the decision's audit event,
     * before its task is scheduled, so the task sees it) and applies its stored changes.
     */
    public SyncRun apply(long id) {
        SyncRun run = held(id);
        abandonDead(run.account());
        if (!runs.running(run.account()).isEmpty()) {
            throw running(run.account());
        }
        tx.executeWithoutResult(status -> {
            if (!runs.move(id, RunState.HELD, RunState.RUNNING)) {
                throw notHeld(id);
            }
            audit.record("directorySync.run.applied", "directorySyncRun", String.valueOf(id),
                    Map.of("state", "HELD"), Map.of("state", "RUNNING", "plannedChanges", run.plannedChanges()));
        });
        if (!scheduler.getObject().scheduleIfNotExists(SyncTasks.RUN.instance(run.account()).data(id).build(),
                clock.instant())) {
            runs.move(id, RunState.RUNNING, RunState.HELD);
            throw running(run.account());
        }
        return get(id);
    }

    @Transactional
    public SyncRun discard(long id) {
        SyncRun run = held(id);
        if (!runs.end(id, RunState.HELD, RunState.DISCARDED, "Discarded by " + AuditService.currentActor()
                + "; nothing applied.", clock.instant())) {
            throw notHeld(id);
        }
        audit.record("directorySync.run.discarded", "directorySyncRun", String.valueOf(id), Map.of("state", "HELD"),
                Map.of("state", "DISCARDED", "plannedChanges", run.plannedChanges()));
        return get(id);
    }

    private SyncRun held(long id) {
        SyncRun run = get(id);
        if (run.state() != RunState.HELD) {
            throw notHeld(id);
        }
        return run;
    }

    private static ConflictException notHeld(long id) {
        return new ConflictException("state", "notHeld", "run " + id + " is not HELD: only a held plan is applied "
                + "or discarded");
    }

    private static ConflictException running(String account) {
        return new ConflictException("account", "running", "a directory sync of '" + account
                + "' is under way; wait for it to end");
    }
}
