package io.imsconnect.server.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.account.AccountType;
import io.imsconnect.core.account.Scopes;

@Repository
class AccountRepository {

    private static final String COLUMNS = """
            internal_name, label, account_type, enabled, ims_server, ims_scope, ims_client_id, ims_client_secret,
            callback_server, ims_organization_id, association_mask, mask_ignores_case, server_url, tenant,
            product_context, directory_server, directory_client_id, directory_client_secret, groups_claim,
            organization_claim, issuer, declared_in_file, created_at, updated_at""";

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
        AccountSettings s = account.settings();
        jdbc.sql("insert into external_account (" + COLUMNS + """
                ) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.internalName(), s.label(), s.type().id(), s.enabled(), s.imsServer(), scopes(s),
                        s.imsClientId(), account.imsClientSecretCiphertext(), s.callbackServer(),
                        s.imsOrganizationId(), s.associationMask(), s.maskIgnoresCase(), s.server(), s.tenant(),
                        s.productContext(), s.directoryServer(), s.directoryClientId(),
                        account.directoryClientSecretCiphertext(), s.groupsClaim(), s.organizationClaim(),
                        s.issuer(), account.declaredInFile(), Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    void update(StoredAccount account, Instant now) {
        AccountSettings s = account.settings();
        jdbc.sql("""
                update external_account set label = ?, account_type = ?, enabled = ?, ims_server = ?, ims_scope = ?,
                    ims_client_id = ?, ims_client_secret = ?, callback_server = ?, ims_organization_id = ?,
                    association_mask = ?, mask_ignores_case = ?, server_url = ?, tenant = ?, product_context = ?,
                    directory_server = ?, directory_client_id = ?, directory_client_secret = ?, groups_claim = ?,
                    organization_claim = ?, issuer = ?, declared_in_file = ?, updated_at = ?
                where internal_name = ?""")
                .params(s.label(), s.type().id(), s.enabled(), s.imsServer(), scopes(s), s.imsClientId(),
                        account.imsClientSecretCiphertext(), s.callbackServer(), s.imsOrganizationId(),
                        s.associationMask(), s.maskIgnoresCase(), s.server(), s.tenant(), s.productContext(),
                        s.directoryServer(), s.directoryClientId(), account.directoryClientSecretCiphertext(),
                        s.groupsClaim(), s.organizationClaim(), s.issuer(), account.declaredInFile(), Timestamp.from(now),
                        s.internalName())
                .update();
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

    private static String scopes(AccountSettings settings) {
        return String.join(" ", settings.imsScope() == null ? List.of() : settings.imsScope());
    }

    private static StoredAccount account(ResultSet rs) throws SQLException {
        String imsSecret = rs.getString("ims_client_secret");
        String directorySecret = rs.getString("directory_client_secret");
        AccountSettings settings = AccountSettings.builder()
                .internalName(rs.getString("internal_name"))
                .label(rs.getString("label"))
                .type(AccountType.fromId(rs.getString("account_type")).orElseThrow())
                .enabled(rs.getBoolean("enabled"))
                .imsServer(rs.getString("ims_server"))
                .imsScope(Scopes.parse(rs.getString("ims_scope")))
                .imsClientId(rs.getString("ims_client_id"))
                .callbackServer(rs.getString("callback_server"))
                .imsOrganizationId(rs.getString("ims_organization_id"))
                .associationMask(rs.getString("association_mask"))
                .maskIgnoresCase(rs.getBoolean("mask_ignores_case"))
                .server(rs.getString("server_url"))
                .tenant(rs.getString("tenant"))
                .productContext(rs.getString("product_context"))
                .directoryServer(rs.getString("directory_server"))
                .directoryClientId(rs.getString("directory_client_id"))
                .groupsClaim(rs.getString("groups_claim"))
                .organizationClaim(rs.getString("organization_claim"))
                .issuer(rs.getString("issuer"))
                .imsClientSecretSet(imsSecret != null)
                .directoryClientSecretSet(directorySecret != null)
                .build();
        return new StoredAccount(settings, imsSecret, directorySecret, rs.getBoolean("declared_in_file"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
