package io.imsconnect.server.sync;

import java.time.Instant;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The two db-scheduler tasks. A run is one task instance named after its account, so one node at a time runs an
 * account's sync and a second start finds it taken; its data is the run's id. A wait is a reschedule of that
 * instance. A node that dies mid-run leaves a dead execution, cancelled here; the next start of the account marks
 * its run ABANDONED. The recurring task starts the runs that are due, on one node.
 */
@Configuration
class SyncTasks {

    static final TaskDescriptor<Long> RUN = TaskDescriptor.of("directory-sync-run", Long.class);

    @Bean
    CustomTask<Long> directorySyncRun(SyncRunner runner) {
        return Tasks.custom(RUN)
                .onDeadExecution(new DeadExecutionHandler.CancelDeadExecution<>())
                .execute((instance, context) -> next(runner.step(instance.getData())));
    }

    @Bean
    RecurringTask<Void> directorySyncSchedule(DirectorySync sync, SyncProperties properties) {
        return Tasks.recurring("directory-sync-schedule", Schedules.fixedDelay(properties.scheduleCheck()))
                .execute((instance, context) -> sync.startDue());
    }

    private static CompletionHandler<Long> next(Optional<Instant> at) {
        return at.<CompletionHandler<Long>>map(time -> (complete, operations) -> operations.reschedule(complete, time))
                .orElseGet(() -> (complete, operations) -> operations.remove());
    }
}
