package io.imsconnect.server.operator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.imsconnect.core.access.Suspension;
import io.imsconnect.server.session.LiveSessions;

/**
 * An external account's operators, hundreds at a time, for the directory sync: found in one query, created and
 * suspended or restored in JDBC batches, with the names and ended sessions that {@link OperatorService}'s
 * one-at-a-time methods give. No audit event: the sync records one per applied change, naming what happened to
 * the operator (docs/decisions/0021-directory-sync-writes-less.md).
 */
@Service
public class ExternalOperators {

    private final OperatorRepository operators;
    private final OperatorService one;
    private final LiveSessions sessions;
    private final Clock clock;

    ExternalOperators(OperatorRepository operators, OperatorService one, LiveSessions sessions, Clock clock) {
        this.operators = operators;
        this.one = one;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** A suspension to set ({@code suspension} not {@code null}, with its reason) or to lift. */
    public record SuspensionChange(Operator operator, Suspension suspension, String reason) {
    }

    /** The operators of {@code origin} named {@code names}, by name. */
    @Transactional(readOnly = true)
    public Map<String, Operator> byName(String origin, Collection<String> names) {
        return operators.findByOriginAnd(origin, "name", names).stream()
                .collect(Collectors.toMap(Operator::name, Function.identity()));
    }

    /** The operators of {@code origin} with the subjects {@code subjects}, by subject. */
    @Transactional(readOnly = true)
    public Map<String, Operator> bySubject(String origin, Collection<String> subjects) {
        return operators.findByOriginAnd(origin, "subject", subjects).stream()
                .collect(Collectors.toMap(Operator::subject, Function.identity()));
    }

    /**
     * Creates an operator of {@code origin} for each subject (mapped to its e-mail, or {@code null}), named as
     * {@link OperatorService#createExternal} names them: the free e-mail in one batch; a name taken (rare) one by
     * one, suffixed as it does. Returns the created operators by subject. Records no audit event (the caller's).
     */
    @Transactional
    public Map<String, Operator> create(String origin, Map<String, String> emailBySubject) {
        Map<String, String> nameBySubject = new LinkedHashMap<>();
        emailBySubject.forEach((subject, email) -> nameBySubject.put(subject,
                OperatorService.baseName(email, subject)));
        Set<String> used = new HashSet<>(operators.existingNames(Set.copyOf(nameBySubject.values())));
        List<String[]> rows = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        nameBySubject.forEach((subject, name) -> {
            if (used.add(name)) {
                rows.add(new String[] { name, emailBySubject.get(subject), subject });
            } else {
                taken.add(subject);
            }
        });
        Map<String, Operator> created = new LinkedHashMap<>();
        operators.insertExternal(origin, rows, clock.instant()).forEach(o -> created.put(o.subject(), o));
        for (String subject : taken) {
            String name = one.freeName(nameBySubject.get(subject), origin, subject);
            operators.insert(name, null, emailBySubject.get(subject), origin, subject, null, false, clock.instant());
            created.put(subject, operators.findByName(name).orElseThrow());
        }
        return created;
    }

    /**
     * {@link OperatorService#setSuspension} for many operators: those whose suspension changes are written in one
     * batch; the suspended ones' live sessions end. Records no audit event (the caller's).
     */
    @Transactional
    public void setSuspensions(List<SuspensionChange> changes) {
        List<SuspensionChange> changing = changes.stream()
                .filter(c -> c.operator().suspension() != c.suspension()).toList();
        if (changing.isEmpty()) {
            return;
        }
        operators.setSuspensions(changing.stream().map(SuspensionChange::operator).toList(),
                changing.stream().map(SuspensionChange::suspension).toList(),
                changing.stream().map(SuspensionChange::reason).toList(), clock.instant());
        changing.stream().filter(c -> c.suspension() != null).forEach(c -> sessions.end(c.operator().name()));
    }
}
