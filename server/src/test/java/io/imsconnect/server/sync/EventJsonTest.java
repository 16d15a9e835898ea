package io.imsconnect.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;

/** The hand-written JSON of the sync's audit events reads back as the general mapper's writing of the same state. */
class EventJsonTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = { "plain", "", "quote \" and backslash \\ and slash /", "new\nline, tab\t, cr\r",
            "\b\f\u0000\u0001\u001f\u007f", "é ü 日本 😀 \u2028\u2029", "</script><b>&amp;",
            "\\u0041 not an escape", "{\"a\":[1,2]}" })
    void readsBackAsTheMappersWriting(String tricky) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("name", tricky);
        expected.put("technical", false);
        expected.put("directorySyncRun", 9_007_199_254_740_993L);
        expected.put("maskGroupsAdded", List.of(tricky, "group1"));
        expected.put("maskGroupsRemoved", List.of());
        expected.put("reason", "Profiles: " + tricky);
        String written = new EventJson().string("name", tricky).bool("technical", false)
                .number("directorySyncRun", 9_007_199_254_740_993L)
                .strings("maskGroupsAdded", List.of(tricky, "group1"))
                .strings("maskGroupsRemoved", List.of()).string("reason", "Profiles: " + tricky).end().text();

        assertThat(MAPPER.readTree(written)).isEqualTo(MAPPER.readTree(MAPPER.writeValueAsString(expected)));
        assertThat(MAPPER.readTree(written).path("name").asString()).isEqualTo(tricky);
    }

    @ParameterizedTest
    @ValueSource(strings = { "a", "with \"quotes\"" })
    void anEmptyStateAndANullString(String value) {
        assertThat(new EventJson().end().text()).isEqualTo("{}");
        assertThat(MAPPER.readTree(new EventJson().string("suspension", null).string("v", value).end().text())
                .path("suspension").isNull()).isTrue();
    }
}
