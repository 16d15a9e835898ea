package io.imsconnect.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

/** A request reads a session from the store once, however often Spring Session looks it up (docs/decisions/0027). */
class SparingSessionsTest {

    private final Store store = new Store();
    private final SparingSessions<?> sessions = SparingSessions.around(store);
    private final String id = store.add();

    @Test
    void findByIdWhenTheRequestReadTheSessionBeforeThenTheStoreIsReadOnce() {
        try (SparingSessions.RequestReads reads = SparingSessions.requestReads()) {
            assertThat(sessions.findById(id).getId()).isEqualTo(id);
            assertThat(sessions.findById(id).getId()).isEqualTo(id);
            assertThat(sessions.findById("unknown")).isNull();
            assertThat(sessions.findById("unknown")).isNull();
        }

        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void findByIdWhenTheRequestDeletedTheSessionThenAbsentWithoutARead() {
        try (SparingSessions.RequestReads reads = SparingSessions.requestReads()) {
            sessions.findById(id);
            sessions.deleteById(id);

            assertThat(sessions.findById(id)).isNull();
        }

        assertThat(store.reads).isEqualTo(1);
    }

    @Test
    void findByIdWhenOutsideARequestOrInTheNextRequestThenTheStoreIsReadAgain() {
        sessions.findById(id);
        sessions.findById(id);
        try (SparingSessions.RequestReads first = SparingSessions.requestReads()) {
            sessions.findById(id);
        }
        try (SparingSessions.RequestReads next = SparingSessions.requestReads()) {
            sessions.findById(id);
        }
        sessions.findById(id);

        assertThat(store.reads).isEqualTo(5);
    }

    @Test
    void findByIdWhenTheSessionReadGotANewIdThenTheOldIdIsReadFromTheStore() {
        try (SparingSessions.RequestReads reads = SparingSessions.requestReads()) {
            SparingSessions.SparingSession<?> session = sessions.findById(id);
            String changed = session.changeSessionId();
            save(session);

            assertThat(sessions.findById(id)).isNull();
            assertThat(changed).isNotEqualTo(id);
        }

        assertThat(store.reads).isEqualTo(2);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void save(SparingSessions.SparingSession<?> session) {
        ((SparingSessions) sessions).save(session);
    }

    /** Sessions in a map, counting the reads; a saved session with a new id is found by that id only. */
    private static final class Store implements FindByIndexNameSessionRepository<MapSession> {

        private final Map<String, MapSession> sessions = new HashMap<>();
        int reads;

        String add() {
            MapSession session = new MapSession();
            sessions.put(session.getId(), session);
            return session.getId();
        }

        @Override
        public MapSession createSession() {
            return new MapSession();
        }

        @Override
        public void save(MapSession session) {
            sessions.remove(session.getOriginalId());
            sessions.put(session.getId(), session);
        }

        @Override
        public MapSession findById(String id) {
            reads++;
            return sessions.get(id);
        }

        @Override
        public void deleteById(String id) {
            sessions.remove(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }
}
