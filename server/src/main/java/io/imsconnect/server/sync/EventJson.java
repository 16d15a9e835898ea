package io.imsconnect.server.sync;

import java.util.Collection;

import io.imsconnect.server.audit.AuditService.Json;

/**
 * The JSON of a directory-sync audit event's states, written by hand: their shape is fixed (strings, booleans, a
 * number, string arrays), and at 100,000 events a run the general mapper's per-object work showed in the profile
 * (docs/decisions/0024-directory-sync-first-run.md). Strings are escaped as JSON requires; tested against the
 * mapper's reading of the same states.
 */
final class EventJson {

    private final StringBuilder out = new StringBuilder(256).append('{');

    EventJson string(String name, String value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    EventJson bool(String name, boolean value) {
        name(name);
        out.append(value);
        return this;
    }

    EventJson number(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    EventJson strings(String name, Collection<String> values) {
        name(name);
        out.append('[');
        boolean first = true;
        for (String value : values) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(value);
        }
        out.append(']');
        return this;
    }

    Json end() {
        return new Json(out.append('}').toString());
    }

    private void name(String name) {
        if (out.length() > 1) {
            out.append(',');
        }
        quote(name);
        out.append(':');
    }

    private void quote(String value) {
        out.append('"');
        if (plain(value)) {
            out.append(value).append('"');
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Whether the string needs no escape: most names, subjects and e-mails. */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
