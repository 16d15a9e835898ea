package io.imsconnect.server.provider;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/** Reading values out of a provider's JSON answers and token claims, the same way for every type. */
final class JsonValues {

    private JsonValues() {
    }

    /** The text of {@code field}, or {@code null} when it is missing or not text. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    /** A claim holding one value or many (a JSON array, a collection), as a list of texts. */
    static List<String> asList(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(Objects::nonNull).map(String::valueOf).toList();
        }
        if (claim instanceof JsonNode node) {
            if (node.isArray()) {
                List<String> values = new ArrayList<>();
                node.forEach(v -> values.add(v.asString()));
                return values;
            }
            return node.isString() ? List.of(node.asString()) : List.of();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim));
    }

    @SafeVarargs
    static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
