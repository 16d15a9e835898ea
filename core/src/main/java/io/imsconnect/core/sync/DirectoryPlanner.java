package io.imsconnect.core.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.imsconnect.core.access.AccessDecision;
import io.imsconnect.core.access.AccessDecisions;
import io.imsconnect.core.access.AccessPolicy;
import io.imsconnect.core.access.Identity;
import io.imsconnect.core.access.OrgCheck;
import io.imsconnect.core.access.Suspension;
import io.imsconnect.core.membership.MembershipChange;
import io.imsconnect.core.sync.PlannedChange.Kind;

/**
 * Plans a run from the whole directory read: each user matched to an operator by {@code id} (the operator's
 * subject) when the answer carries one, else by e-mail ignoring case (docs/provider-facts.md#umapi-users); an
 * e-mail naming two operators is reported, never guessed. Each matched user is decided by the one access
 * decision ({@link AccessDecisions}) and diffed by {@link MembershipChange}; operators no user matched have
 * left the organization. Users are streamed: only operators and changes are held.
 */
public final class DirectoryPlanner {

    private static final int MAX_DECISIONS = 10_000;

    private final AccessPolicy policy;
    private final Set<String> existingGroups;
    private final boolean preCreate;
    private final Map<String, SyncedOperator> bySubject = new HashMap<>();
    private final Map<String, List<SyncedOperator>> byEmail = new HashMap<>();
    private final Map<String, PlannedChange> perOperator = new LinkedHashMap<>();
    private final Set<String> matched = new HashSet<>();
    private final Set<String> alreadySuspended = new HashSet<>();
    private final List<PlannedChange> created = new ArrayList<>();
    /**
     * The decision for each list of profiles seen: for a directory user it depends on the profiles alone, and
     * most users share a few lists (docs/decisions/0021-directory-sync-writes-less.md). Bounded.
     */
    private final Map<List<String>, AccessDecision> decisions = new HashMap<>();
    private final int operatorCount;
    private int usersRead;

    /**
     * @param policy the account's policy; its product context is not checked, as the directory lists profiles,
     *     not product contexts (a sign-in still checks it)
     * @param preCreate whether users whose profiles map get an operator before their first sign-in
     */
    public DirectoryPlanner(AccessPolicy policy, Set<String> existingGroups, Collection<SyncedOperator> operators,
            boolean preCreate) {
        this.policy = new AccessPolicy(policy.mask(), policy.organizationId(), null);
        this.existingGroups = Set.copyOf(existingGroups);
        this.preCreate = preCreate;
        this.operatorCount = operators.size();
        for (SyncedOperator operator : operators) {
            if (operator.suspended()) {
                alreadySuspended.add(operator.name());
            }
            if (operator.subject() != null) {
                bySubject.put(operator.subject(), operator);
            }
            if (operator.email() != null) {
                byEmail.computeIfAbsent(key(operator.email()), e -> new ArrayList<>()).add(operator);
            }
        }
    }

    /** Plans in one call, for a directory read as a whole. */
    public static SyncPlan plan(AccessPolicy policy, Set<String> existingGroups, Collection<SyncedOperator> operators,
            Iterable<DirectoryUser> users, boolean preCreate, SafetyCap cap) {
        DirectoryPlanner planner = new DirectoryPlanner(policy, existingGroups, operators, preCreate);
        users.forEach(planner::read);
        return planner.finish(cap);
    }

    /** Takes one user of the directory into the plan. */
    public void read(DirectoryUser user) {
        usersRead++;
        List<SyncedOperator> matches = user.hasId()
                ? Optional.ofNullable(bySubject.get(user.id())).map(List::of).orElse(List.of())
                : byEmail.getOrDefault(key(user.email()), List.of());
        if (matches.isEmpty()) {
            preCreate(user);
            return;
        }
        if (matches.size() > 1 || matched.contains(matches.get(0).name())) {
            matches.forEach(operator -> ambiguous(operator, user.email()));
            return;
        }
        SyncedOperator operator = matches.get(0);
        matched.add(operator.name());
        decide(operator, user).ifPresent(change -> perOperator.put(operator.name(), change));
    }

    /** The plan: operators no user matched have left the organization. */
    public SyncPlan finish(SafetyCap cap) {
        for (SyncedOperator operator : operatorsNotMatched()) {
            suspend(operator, Suspension.LEFT_ORGANIZATION, "No longer a member of the organization "
                    + policy.organizationId() + " in the Admin Console.")
                    .ifPresent(change -> perOperator.put(operator.name(), change));
        }
        List<PlannedChange> changes = new ArrayList<>(perOperator.values());
        changes.addAll(created);
        int takingAccess = (int) changes.stream()
                .filter(c -> !c.remove().isEmpty() || c.kind() == Kind.SUSPEND && !alreadySuspended.contains(c.operator()))
                .count();
        return new SyncPlan(changes, usersRead, takingAccess, cap.limit(operatorCount));
    }

    private List<SyncedOperator> operatorsNotMatched() {
        List<SyncedOperator> all = new ArrayList<>(bySubject.values());
        byEmail.values().forEach(list -> list.stream().filter(o -> o.subject() == null).forEach(all::add));
        return all.stream().filter(o -> !matched.contains(o.name())).toList();
    }

    private Optional<PlannedChange> decide(SyncedOperator operator, DirectoryUser user) {
        if (!user.active()) {
            return suspend(operator, Suspension.NOT_ACTIVE,
                    "The Admin Console lists the user as '" + user.status() + "'.");
        }
        AccessDecision decision = decide(user);
        if (!decision.allowed()) {
            return suspend(operator, Suspension.NO_MAPPED_PROFILE, decision.reason());
        }
        MembershipChange change = MembershipChange.between(operator.maskGroups(), decision.groups());
        if (operator.suspended()) {
            return Optional.of(change(Kind.RESTORE, operator, change, "Back in the Admin Console: " + groups(decision)));
        }
        return change.isEmpty() ? Optional.empty()
                : Optional.of(change(Kind.GROUPS, operator, change, "Profiles in the Admin Console: "
                        + groups(decision)));
    }

    private AccessDecision decide(DirectoryUser user) {
        AccessDecision known = decisions.get(user.groups());
        if (known != null) {
            return known;
        }
        Identity identity = new Identity(user.hasId() ? user.id() : user.email(), user.email(), null,
                OrgCheck.MEMBER, "", user.groups(), List.of());
        AccessDecision decision = AccessDecisions.decide(policy, identity, existingGroups, Optional.empty());
        if (decisions.size() < MAX_DECISIONS) {
            decisions.put(user.groups(), decision);
        }
        return decision;
    }

    private Optional<PlannedChange> suspend(SyncedOperator operator, Suspension ground, String reason) {
        if (operator.suspension() == ground && operator.maskGroups().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PlannedChange(Kind.SUSPEND, operator.name(), operator.subject(), operator.email(),
                Set.of(), operator.maskGroups(), ground, reason));
    }

    private void ambiguous(SyncedOperator operator, String email) {
        matched.add(operator.name());
        perOperator.put(operator.name(), new PlannedChange(Kind.AMBIGUOUS, operator.name(), operator.subject(),
                operator.email(), Set.of(), Set.of(), null, "The directory's e-mail " + email
                        + " names more than one operator, or one operator twice: left unchanged, never guessed."));
    }

    private void preCreate(DirectoryUser user) {
        if (!preCreate || !user.hasId() || !user.active()) {
            return;
        }
        AccessDecision decision = decide(user);
        if (decision.allowed()) {
            created.add(new PlannedChange(Kind.CREATE, null, user.id(), user.email(), decision.groups(), Set.of(),
                    null, "Created ahead of the first sign-in: " + groups(decision)));
        }
    }

    private static PlannedChange change(Kind kind, SyncedOperator operator, MembershipChange change, String reason) {
        return new PlannedChange(kind, operator.name(), operator.subject(), operator.email(), change.add(),
                change.remove(), null, reason);
    }

    private static String groups(AccessDecision decision) {
        return "the groups " + String.join(", ", decision.groups()) + ".";
    }

    private static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
