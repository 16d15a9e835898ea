package io.imsconnect.server.session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session JDBC's repository, except that a request which changes nothing in its session writes nothing:
 * the framework's session records every request's time, so each page of the console was an {@code UPDATE} and a
 * commit. Here a session's last access is written only when it moved by at least {@link #GRANULARITY}, or along
 * with a change the request makes anyway (an attribute, the lifetime, a new id). A session therefore expires at
 * most {@link #GRANULARITY} before its lifetime after its last request (docs/decisions/0022).
 *
 * <p>Within a request ({@link #requestReads}), a session is read from the database once: Spring Session looks its
 * id up again whenever it committed the session before the request ended (a redirect, a page larger than the
 * response buffer) or the session ended (sign-out), and here that second look-up answers from what this request
 * read or deleted (docs/decisions/0027).
 */
final class SparingSessions<S extends Session>
        implements FindByIndexNameSessionRepository<SparingSessions.SparingSession<S>> {

    /** How stale a session's recorded last access may be; a small part of the 10-minute anonymous lifetime. */
    static final Duration GRANULARITY = Duration.ofSeconds(30);

    /** What the current request read or deleted, by id (null: deleted or absent); none outside a request. */
    private static final ThreadLocal<Map<String, Session>> READ = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<S> jdbc;

    private SparingSessions(FindByIndexNameSessionRepository<S> jdbc) {
        this.jdbc = jdbc;
    }

    /** Spring Session JDBC's repository (its session type is not public), held behind this one. */
    static SparingSessions<?> around(FindByIndexNameSessionRepository<?> jdbc) {
        return new SparingSessions<>(jdbc);
    }

    @Override
    public SparingSession<S> createSession() {
        return new SparingSession<>(jdbc.createSession(), true);
    }

    @Override
    public void save(SparingSession<S> session) {
        jdbc.save(session.delegate);
    }

    @Override
    @SuppressWarnings("unchecked")
    public SparingSession<S> findById(String id) {
        Map<String, Session> read = READ.get();
        Session known = read == null ? null : read.get(id);
        S session;
        if (read != null && read.containsKey(id) && (known == null || id.equals(known.getId()))) {
            session = (S) known;
        } else {
            session = jdbc.findById(id);
            if (read != null) {
                read.put(id, session);
            }
        }
        return session == null ? null : new SparingSession<>(session, false);
    }

    @Override
    public void deleteById(String id) {
        jdbc.deleteById(id);
        Map<String, Session> read = READ.get();
        if (read != null) {
            read.put(id, null);
        }
    }

    /**
     * Starts the current request's record of the sessions it read ({@link SessionReadsFilter}); closing it ends
     * the record.
     */
    static RequestReads requestReads() {
        Map<String, Session> outer = READ.get();
        READ.set(new HashMap<>());
        return () -> {
            if (outer == null) {
                READ.remove();
            } else {
                READ.set(outer);
            }
        };
    }

    /** The record of one request's reads, ended when closed. */
    interface RequestReads extends AutoCloseable {

        @Override
        void close();
    }

    @Override
    public Map<String, SparingSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, SparingSession<S>> sessions = new LinkedHashMap<>();
        jdbc.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> sessions.put(id, new SparingSession<>(session, false)));
        return sessions;
    }

    /** A stored session whose last access is held back until it is worth a write (see the class). */
    static final class SparingSession<S extends Session> implements Session {

        private final S delegate;
        private final boolean created;
        private Instant heldBack;

        private SparingSession(S delegate, boolean created) {
            this.delegate = delegate;
            this.created = created;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            boolean recent = lastAccessedTime.isBefore(delegate.getLastAccessedTime().plus(GRANULARITY));
            if (created || !recent) {
                delegate.setLastAccessedTime(lastAccessedTime);
                heldBack = null;
            } else {
                heldBack = lastAccessedTime;
            }
        }

        /** The request writes the session anyway: the last access goes along. */
        private void changing() {
            if (heldBack != null) {
                delegate.setLastAccessedTime(heldBack);
                heldBack = null;
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return heldBack != null ? heldBack : delegate.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public String changeSessionId() {
            changing();
            return delegate.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return delegate.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            if (attributeValue != null || has(attributeName)) {
                changing();
            }
            delegate.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            if (has(attributeName)) {
                changing();
            }
            delegate.removeAttribute(attributeName);
        }

        /** Without reading (deserializing) the attribute: removing an absent one changes nothing. */
        private boolean has(String attributeName) {
            return delegate.getAttributeNames().contains(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changing();
            delegate.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        /** Expired by the recorded last access, as every other node and the cleanup see it. */
        @Override
        public boolean isExpired() {
            return delegate.isExpired();
        }
    }
}
