package io.imsconnect.server.account;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.account.AccountType;
import io.imsconnect.core.account.Scopes;

/**
 * The {@code external_account} table. Its settings columns are not spelled out here: they are derived from the
 * components of {@link AccountSettings}, the one declaration of the account's fields (see
 * docs/decisions/0009-fields-declared-once.md): each component is stored in the column of its snake_case name,
 * but for the two {@link #RENAMED} ones; the {@code *SecretSet} flags are not stored, the ciphertext columns
 * say whether a secret is set.
 */
@Repository
class AccountRepository {

    /** Components whose column has another name than theirs (SQL keywords and an older name). */
    private static final Map<String, String> RENAMED = Map.of("type", "account_type", "server", "server_url");
    private static final List<RecordComponent> STORED = Arrays.stream(AccountSettings.class.getRecordComponents())
            .filter(component -> !component.getName().endsWith("SecretSet")).toList();
    private static final List<String> SETTINGS_COLUMNS = STORED.stream().map(AccountRepository::column).toList();
    /** Looked up once: reading an account happens at every sign-in request (docs/decisions/0019). */
    private static final RecordComponent[] COMPONENTS = AccountSettings.class.getRecordComponents();
    private static final String[] COMPONENT_COLUMNS = Arrays.stream(COMPONENTS).map(AccountRepository::column)
            .toArray(String[]::new);
    private static final Constructor<AccountSettings> CANONICAL = canonical();
    /** Written with the settings, in this order after them: the ciphertexts and whether the file declares it. */
    private static final List<String> WRITTEN = concat(SETTINGS_COLUMNS,
            List.of("ims_client_secret", "directory_client_secret", "declared_in_file"));
    private static final String COLUMNS = String.join(", ", concat(WRITTEN, List.of("created_at", "updated_at")));
    private static final String INSERT = "insert into external_account (" + COLUMNS + ") values ("
            + String.join(", ", Collections.nCopies(WRITTEN.size() + 2, "?")) + ")";
    private static final String UPDATE = "update external_account set "
            + concat(WRITTEN, List.of("updated_at")).stream().map(column -> column + " = ?")
                    .collect(Collectors.joining(", "))
            + " where internal_name = ?";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StoredAccount> findAll() {
        return jdbc.sql("select " + COLUMNS + " from external_account order by internal_name")
                .query((rs, n) -> account(rs)).list();
    }

    List<StoredAccount> findEnabled() {
        return jdbc.sql("select " + COLUMNS + " from external_account where enabled = true order by internal_name")
                .query((rs, n) -> account(rs)).list();
    }

    Optional<StoredAccount> find(String internalName) {
        return jdbc.sql("select " + COLUMNS + " from external_account where internal_name = ?")
                .param(internalName).query((rs, n) -> account(rs)).optional();
    }

    /** Reads the account and locks its row until the transaction ends, so concurrent saves apply one by one. */
    Optional<StoredAccount> findForUpdate(String internalName) {
        return jdbc.sql("select " + COLUMNS + " from external_account where internal_name = ? for update")
                .param(internalName).query((rs, n) -> account(rs)).optional();
    }

    void insert(StoredAccount account, Instant now) {
        List<Object> values = values(account);
        values.add(Timestamp.from(now));
        values.add(Timestamp.from(now));
        jdbc.sql(INSERT).params(values).update();
    }

    void update(StoredAccount account, Instant now) {
        List<Object> values = values(account);
        values.add(Timestamp.from(now));
        values.add(account.settings().internalName());
        jdbc.sql(UPDATE).params(values).update();
    }

    boolean delete(String internalName) {
        return jdbc.sql("delete from external_account where internal_name = ?").param(internalName).update() > 0;
    }

    Optional<String> keyCheckValue() {
        return jdbc.sql("select check_value from secret_key_check where id = 1").query(String.class).optional();
    }

    /** Stores the key check value unless another node stored one first; returns the one stored. */
    String insertKeyCheckValueOrKeep(String checkValue) {
        try {
            jdbc.sql("insert into secret_key_check (id, check_value, created_at) values (1, ?, ?)")
                    .params(checkValue, Timestamp.from(Instant.now())).update();
            return checkValue;
        } catch (DuplicateKeyException raced) {
            return keyCheckValue().orElseThrow();
        }
    }

    private static String column(RecordComponent component) {
        String name = component.getName();
        return RENAMED.getOrDefault(name, name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /** The values of the {@link #WRITTEN} columns, in their order. */
    private static List<Object> values(StoredAccount account) {
        List<Object> values = new ArrayList<>();
        for (RecordComponent component : STORED) {
            Object value = read(component, account.settings());
            values.add(value instanceof AccountType type ? type.id()
                    : value instanceof List<?> scopes ? scopes.stream().map(String::valueOf)
                            .collect(Collectors.joining(" "))
                    : value);
        }
        values.add(account.imsClientSecretCiphertext());
        values.add(account.directoryClientSecretCiphertext());
        values.add(account.declaredInFile());
        return values;
    }

    private static StoredAccount account(ResultSet rs) throws SQLException {
        String imsSecret = rs.getString("ims_client_secret");
        String directorySecret = rs.getString("directory_client_secret");
        Object[] arguments = new Object[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) {
            arguments[i] = switch (COMPONENTS[i].getName()) {
                case "imsClientSecretSet" -> imsSecret != null;
                case "directoryClientSecretSet" -> directorySecret != null;
                default -> column(rs, COMPONENTS[i], COMPONENT_COLUMNS[i]);
            };
        }
        return new StoredAccount(construct(arguments), imsSecret, directorySecret,
                rs.getBoolean("declared_in_file"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Object column(ResultSet rs, RecordComponent component, String column) throws SQLException {
        Class<?> type = component.getType();
        if (type == boolean.class) {
            return rs.getBoolean(column);
        }
        if (type == int.class) {
            return rs.getInt(column);
        }
        if (type == AccountType.class) {
            return AccountType.fromId(rs.getString(column)).orElseThrow();
        }
        return type == List.class ? Scopes.parse(rs.getString(column)) : rs.getString(column);
    }

    private static Object read(RecordComponent component, AccountSettings settings) {
        try {
            return component.getAccessor().invoke(settings);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of AccountSettings", e);
        }
    }

    private static Constructor<AccountSettings> canonical() {
        try {
            return AccountSettings.class.getDeclaredConstructor(
                    Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("AccountSettings has no canonical constructor", e);
        }
    }

    private static AccountSettings construct(Object[] arguments) {
        try {
            return CANONICAL.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build AccountSettings from its columns", e);
        }
    }
}
