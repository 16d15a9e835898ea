package io.imsconnect.server.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit event as the console shows it: only the fields its change touched, before and after. The recorded
 * states hold no secret (see {@link AuditService}); a field named like one still shows only whether it was set.
 */
public record AuditDiff(AuditEvent event, List<Change> changes) {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|password|token|key).*");

    /** One field: its value before and after, as text; {@code null} where the state had no such field. */
    public record Change(String field, String before, String after) {
    }

    static AuditDiff of(AuditEvent event) {
        Map<String, String> before = fields(event.before());
        Map<String, String> after = fields(event.after());
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String name : names) {
            String was = before.get(name);
            String is = after.get(name);
            if (!Objects.equals(was, is)) {
                changes.add(new Change(name, was, is));
            }
        }
        return new AuditDiff(event, changes);
    }

    private static Map<String, String> fields(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return fields;
        }
        JsonNode state = JsonMapper.shared().readTree(json);
        if (!state.isObject()) {
            fields.put("value", text("value", state));
            return fields;
        }
        state.properties().forEach(field -> fields.put(field.getKey(), text(field.getKey(), field.getValue())));
        return fields;
    }

    private static String text(String name, JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        if (SECRET_NAME.matcher(name).matches() && !value.isBoolean()) {
            return "••••";
        }
        return value.isString() ? value.asString() : value.toString();
    }
}
