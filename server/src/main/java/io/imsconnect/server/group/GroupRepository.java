package io.imsconnect.server.group;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class GroupRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    GroupRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    List<SecurityGroup> findAll() {
        Map<Long, Set<String>> rights = new HashMap<>();
        jdbc.sql("select group_id, right_name from group_right").query(rs -> {
            rights.computeIfAbsent(rs.getLong(1), id -> new TreeSet<>()).add(rs.getString(2));
        });
        return jdbc.sql("""
                select g.id, g.internal_name, g.label,
                       (select count(distinct m.operator_id) from membership m where m.group_id = g.id) as members
                from security_group g order by g.internal_name""")
                .query((rs, n) -> group(rs, rights.getOrDefault(rs.getLong("id"), Set.of())))
                .list();
    }

    Optional<SecurityGroup> find(String internalName) {
        return jdbc.sql("""
                select g.id, g.internal_name, g.label,
                       (select count(distinct m.operator_id) from membership m where m.group_id = g.id) as members
                from security_group g where g.internal_name = ?""")
                .param(internalName)
                .query((rs, n) -> group(rs, rightsOf(rs.getLong("id"))))
                .optional();
    }

    Set<String> names() {
        return new TreeSet<>(jdbc.sql("select internal_name from security_group").query(String.class).list());
    }

    Optional<Long> idOf(String internalName) {
        return jdbc.sql("select id from security_group where internal_name = ?").param(internalName)
                .query(Long.class).optional();
    }

    long insert(String internalName, String label, Instant now) {
        jdbc.sql("insert into security_group (internal_name, label, created_at, updated_at) values (?, ?, ?, ?)")
                .params(internalName, label, Timestamp.from(now), Timestamp.from(now))
                .update();
        return idOf(internalName).orElseThrow();
    }

    void update(long id, String label, Instant now) {
        jdbc.sql("update security_group set label = ?, updated_at = ? where id = ?")
                .params(label, Timestamp.from(now), id).update();
    }

    void replaceRights(long id, Collection<String> rights) {
        jdbc.sql("delete from group_right where group_id = ?").param(id).update();
        for (String right : rights) {
            jdbc.sql("insert into group_right (group_id, right_name) values (?, ?)").params(id, right).update();
        }
    }

    void delete(long id) {
        jdbc.sql("delete from security_group where id = ?").param(id).update();
    }

    List<Membership> membershipsOf(long operatorId) {
        return jdbc.sql("""
                select g.internal_name, g.label, m.source from membership m
                join security_group g on g.id = m.group_id
                where m.operator_id = ? order by g.internal_name, m.source""")
                .param(operatorId)
                .query((rs, n) -> new Membership(rs.getString(1), rs.getString(2),
                        MembershipSource.valueOf(rs.getString(3))))
                .list();
    }

    Set<String> groupsOf(long operatorId, MembershipSource source) {
        return new TreeSet<>(jdbc.sql("""
                select g.internal_name from membership m join security_group g on g.id = m.group_id
                where m.operator_id = ? and m.source = ?""")
                .params(operatorId, source.name()).query(String.class).list());
    }

    void addMembership(long operatorId, long groupId, MembershipSource source, Instant now) {
        jdbc.sql("insert into membership (operator_id, group_id, source, created_at) values (?, ?, ?, ?)")
                .params(operatorId, groupId, source.name(), Timestamp.from(now)).update();
    }

    void removeMembership(long operatorId, long groupId, MembershipSource source) {
        jdbc.sql("delete from membership where operator_id = ? and group_id = ? and source = ?")
                .params(operatorId, groupId, source.name()).update();
    }

    Map<String, Set<String>> maskGroupsByOperator(String origin) {
        Map<String, Set<String>> groups = new HashMap<>();
        jdbc.sql("""
                select o.name, g.internal_name from membership m join operator o on o.id = m.operator_id
                join security_group g on g.id = m.group_id where o.origin = ? and m.source = 'MASK'""")
                .param(origin)
                .query(rs -> {
                    groups.computeIfAbsent(rs.getString(1), name -> new TreeSet<>()).add(rs.getString(2));
                });
        return groups;
    }

    Map<Long, Set<String>> maskGroupsOf(Collection<Long> operatorIds) {
        Map<Long, Set<String>> groups = new HashMap<>();
        jdbc.sql("select m.operator_id, g.internal_name from membership m join security_group g on g.id = m.group_id "
                + "where m.source = 'MASK' and m.operator_id in (" + String.join(", ",
                        Collections.nCopies(operatorIds.size(), "?")) + ")")
                .params(List.copyOf(operatorIds))
                .query(rs -> {
                    groups.computeIfAbsent(rs.getLong(1), id -> new TreeSet<>()).add(rs.getString(2));
                });
        return groups;
    }

    Map<String, Long> idsByName() {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select internal_name, id from security_group").query(rs -> {
            ids.put(rs.getString(1), rs.getLong(2));
        });
        return ids;
    }

    /** Each row is an operator id and a group id. */
    void addMemberships(List<long[]> rows, MembershipSource source, Instant now) {
        Timestamp time = Timestamp.from(now);
        batch.batchUpdate("insert into membership (operator_id, group_id, source, created_at) values (?, ?, ?, ?)",
                rows.stream().map(r -> new Object[] { r[0], r[1], source.name(), time }).toList());
    }

    void removeMemberships(List<long[]> rows, MembershipSource source) {
        batch.batchUpdate("delete from membership where operator_id = ? and group_id = ? and source = ?",
                rows.stream().map(r -> new Object[] { r[0], r[1], source.name() }).toList());
    }

    Set<String> rightsOfOperator(long operatorId) {
        return new TreeSet<>(jdbc.sql("""
                select distinct r.right_name from membership m join group_right r on r.group_id = m.group_id
                where m.operator_id = ?""")
                .param(operatorId).query(String.class).list());
    }

    List<String> memberNames(long groupId) {
        return jdbc.sql("""
                select distinct o.name from membership m join operator o on o.id = m.operator_id
                where m.group_id = ?""").param(groupId).query(String.class).list();
    }

    /** Waits for, then holds until commit, the lock that serialises changes to who administers. */
    void lockAdministrators() {
        jdbc.sql("select name from instance_lock where name = 'administrators' for update").query(String.class)
                .single();
    }

    long countEnabledLocalOperatorsWithRight(String right) {
        return jdbc.sql("""
                select count(distinct o.id) from operator o
                join membership m on m.operator_id = o.id
                join group_right r on r.group_id = m.group_id
                where r.right_name = ? and o.disabled = false and o.origin = 'LOCAL'""")
                .param(right).query(Long.class).single();
    }

    private Set<String> rightsOf(long groupId) {
        return new TreeSet<>(jdbc.sql("select right_name from group_right where group_id = ?")
                .param(groupId).query(String.class).list());
    }

    private static SecurityGroup group(ResultSet rs, Set<String> rights) throws SQLException {
        return new SecurityGroup(rs.getString("internal_name"), rs.getString("label"), new TreeSet<>(rights),
                rs.getLong("members"));
    }
}
