package io.imsconnect.server.account;

import java.util.ArrayList;
import java.util.List;

import io.imsconnect.core.account.Scopes;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * {@code imsScope} as IMS documents it (one string, comma separated), as OAuth writes it (space separated) or
 * as a JSON array of strings. Anything else is refused as a wrong value for the field.
 */
final class ScopeListDeserializer extends ValueDeserializer<List<String>> {

    @Override
    @SuppressWarnings("unchecked")
    public List<String> deserialize(JsonParser parser, DeserializationContext context) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return Scopes.parse(parser.getString());
        }
        if (token != JsonToken.START_ARRAY) {
            return (List<String>) context.handleUnexpectedToken(List.class, parser);
        }
        List<String> scopes = new ArrayList<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
            if (next != JsonToken.VALUE_STRING) {
                return (List<String>) context.handleUnexpectedToken(List.class, parser);
            }
            scopes.add(parser.getString().strip());
        }
        return scopes;
    }
}
