package io.imsconnect.server.packages;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PackageRepository {

    private final JdbcClient jdbc;

    PackageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, PackageView> installed() {
        return jdbc.sql("select name, label, version, installed_at, installed_by from installed_package")
                .query((rs, n) -> new PackageView(rs.getString(1), rs.getString(2), rs.getString(3), true,
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list().stream().collect(Collectors.toMap(PackageView::name, Function.identity()));
    }

    boolean isInstalled(String name) {
        return jdbc.sql("select count(*) from installed_package where name = ?").param(name).query(Long.class)
                .single() > 0;
    }

    void insert(InstallablePackage installed, Instant at, String by) {
        jdbc.sql("insert into installed_package (name, label, version, installed_at, installed_by) values (?, ?, ?, ?, ?)")
                .params(installed.name(), installed.label(), installed.version(), Timestamp.from(at), by).update();
    }
}
