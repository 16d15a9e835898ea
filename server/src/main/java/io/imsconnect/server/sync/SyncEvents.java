package io.imsconnect.server.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.imsconnect.server.audit.AuditService.Entry;
import io.imsconnect.server.operator.Operator;
import io.imsconnect.server.provisioning.Provisioning.Applied;

/**
 * One audit event per applied change, named by what happened to the operator: {@code operator.created},
 * {@code operator.suspended}, {@code operator.restored} or {@code operator.maskGroups.changed}, each with the run's
 * id, the MASK groups added and removed and the plan's reason; a change that changed nothing has none
 * (docs/decisions/0021-directory-sync-writes-less.md).
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
            Map<String, Object> after = new LinkedHashMap<>();
            switch (a.effect()) {
                case NONE -> {
                    continue;
                }
                case CREATED -> {
                    after.putAll(Map.of("name", operator.name(), "origin", account, "subject", operator.subject(),
                            "technical", false));
                    events.add(new Entry("operator.created", TARGET, operator.name(), null, details(after, run, a,
                            change)));
                }
                case SUSPENDED -> {
                    after.put("suspension", change.suspension());
                    events.add(new Entry("operator.suspended", TARGET, operator.name(),
                            Map.of("suspended", operator.suspended()), details(after, run, a, change)));
                }
                case RESTORED -> {
                    after.put("suspended", false);
                    events.add(new Entry("operator.restored", TARGET, operator.name(),
                            Map.of("suspension", operator.suspension()), details(after, run, a, change)));
                }
                case GROUPS_CHANGED -> events.add(new Entry("operator.maskGroups.changed", TARGET, operator.name(),
                        null, details(after, run, a, change)));
            }
        }
        return events;
    }

    private static Map<String, Object> details(Map<String, Object> after, long run, Applied applied,
            SyncChange change) {
        after.put("directorySyncRun", run);
        after.put("maskGroupsAdded", applied.change().add());
        after.put("maskGroupsRemoved", applied.change().remove());
        after.put("reason", change.reason());
        return after;
    }
}
