package io.imsconnect.server.sync;

import java.util.ArrayList;
import java.util.List;

import io.imsconnect.server.audit.AuditService.Entry;
import io.imsconnect.server.audit.AuditService.Json;
import io.imsconnect.server.operator.Operator;
import io.imsconnect.server.provisioning.Provisioning.Applied;

/**
 * One audit event per applied change, named by what happened to the operator: {@code operator.created},
 * {@code operator.suspended}, {@code operator.restored} or {@code operator.maskGroups.changed}, each with the run's
 * id, the MASK groups added and removed and the plan's reason; a change that changed nothing has none
 * (docs/decisions/0021-directory-sync-writes-less.md), its JSON written by {@link EventJson}.
 */
final class SyncEvents {

    private static final String TARGET = "operator";

    private SyncEvents() {
    }

    static List<Entry> of(long run, String account, List<SyncChange> changes, List<Applied> applied) {
        List<Entry> events = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Applied a = applied.get(i);
            SyncChange change = changes.get(i);
            Operator operator = a.operator();
            EventJson after = new EventJson();
            switch (a.effect()) {
                case NONE -> {
                    continue;
                }
                case CREATED -> {
                    after.string("name", operator.name()).string("origin", account)
                            .string("subject", operator.subject()).bool("technical", false);
                    events.add(new Entry("operator.created", TARGET, operator.name(), null, details(after, run, a,
                            change)));
                }
                case SUSPENDED -> {
                    after.string("suspension", change.suspension());
                    events.add(new Entry("operator.suspended", TARGET, operator.name(),
                            new EventJson().bool("suspended", operator.suspended()).end(),
                            details(after, run, a, change)));
                }
                case RESTORED -> {
                    after.bool("suspended", false);
                    events.add(new Entry("operator.restored", TARGET, operator.name(),
                            new EventJson().string("suspension", operator.suspension() == null ? null
                                    : operator.suspension().name()).end(),
                            details(after, run, a, change)));
                }
                case GROUPS_CHANGED -> events.add(new Entry("operator.maskGroups.changed", TARGET, operator.name(),
                        null, details(after, run, a, change)));
            }
        }
        return events;
    }

    private static Json details(EventJson after, long run, Applied applied, SyncChange change) {
        return after.number("directorySyncRun", run).strings("maskGroupsAdded", applied.change().add())
                .strings("maskGroupsRemoved", applied.change().remove()).string("reason", change.reason()).end();
    }
}
