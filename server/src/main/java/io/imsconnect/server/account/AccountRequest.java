package io.imsconnect.server.account;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.account.AccountSettingsBuilder;
import io.imsconnect.core.account.AccountType;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * What an administrator (API, console or accounts file) sends to create or replace an external account. The
 * JSON field names are those of docs/provider-facts.md#campaigns-external-account.
 *
 * <p>Omitted fields take their defaults when the account is saved: {@code type} {@code adobe-ims},
 * {@code enabled} false, {@code imsScope} the default IMS scopes, {@code maskIgnoresCase} true,
 * {@code groupsClaim} {@code groups}, {@code syncIntervalMinutes} 120, {@code syncCapOperators} 10,
 * {@code syncCapPercent} 5, {@code syncPreCreate} false. The secrets are write-only and follow their own rule: omitted or
 * {@code null} keeps the stored secret, an empty string clears it, any other text replaces it.
 *
 * @param imsScope a JSON array of scopes or one string of scopes separated by commas and/or spaces
 * @param apiClientIds like {@code imsScope}: an array, or one string separated by commas and/or spaces
 */
public record AccountRequest(
        String internalName,
        String label,
        String type,
        Boolean enabled,
        String imsServer,
        @JsonDeserialize(using = ScopeListDeserializer.class) List<String> imsScope,
        String imsClientId,
        String imsClientSecret,
        String callbackServer,
        String imsOrganizationId,
        String associationMask,
        Boolean maskIgnoresCase,
        String server,
        String tenant,
        String productContext,
        String directoryServer,
        String directoryClientId,
        String directoryClientSecret,
        String groupsClaim,
        String organizationClaim,
        String issuer,
        @JsonDeserialize(using = ScopeListDeserializer.class) List<String> apiClientIds,
        String audience,
        String introspectionEndpoint,
        Integer syncIntervalMinutes,
        Integer syncCapOperators,
        Integer syncCapPercent,
        Boolean syncPreCreate) {

    /**
     * A request that saves {@code settings} as they are, with the given secrets ({@code null} keeps the
     * stored one). The {@code *SecretSet} flags of the settings are ignored: the secrets decide.
     */
    public static AccountRequest of(AccountSettings settings, String imsClientSecret, String directoryClientSecret) {
        return new AccountRequest(settings.internalName(), settings.label(),
                settings.type() == null ? null : settings.type().id(), settings.enabled(), settings.imsServer(),
                settings.imsScope(), settings.imsClientId(), imsClientSecret, settings.callbackServer(),
                settings.imsOrganizationId(), settings.associationMask(), settings.maskIgnoresCase(),
                settings.server(), settings.tenant(), settings.productContext(), settings.directoryServer(),
                settings.directoryClientId(), directoryClientSecret, settings.groupsClaim(),
                settings.organizationClaim(), settings.issuer(), settings.apiClientIds(), settings.audience(),
                settings.introspectionEndpoint(), settings.syncIntervalMinutes(), settings.syncCapOperators(),
                settings.syncCapPercent(), settings.syncPreCreate());
    }

    /**
     * The one mapping from request to settings (docs/decisions/0009-fields-declared-once.md): trims pasted text,
     * turns blanks into absent, and leaves the builder's default where a field is omitted.
     *
     * @param type the type already read from {@link #type()}; {@code null} when it is not one
     */
    AccountSettings settings(String internalName, AccountType type, boolean imsSecretSet,
            boolean directorySecretSet) {
        AccountRequest r = this;
        AccountSettingsBuilder builder = AccountSettings.builder()
                .internalName(internalName)
                .type(type)
                .label(text(r.label()))
                .imsServer(text(r.imsServer()))
                .imsClientId(text(r.imsClientId()))
                .callbackServer(text(r.callbackServer()))
                .imsOrganizationId(text(r.imsOrganizationId()))
                .associationMask(r.associationMask() == null || r.associationMask().isBlank() ? null
                        : r.associationMask())
                .server(text(r.server()))
                .tenant(text(r.tenant()))
                .productContext(text(r.productContext()))
                .directoryServer(text(r.directoryServer()))
                .directoryClientId(text(r.directoryClientId()))
                .organizationClaim(text(r.organizationClaim()))
                .issuer(text(r.issuer()))
                .apiClientIds(r.apiClientIds() == null ? List.of() : r.apiClientIds())
                .audience(text(r.audience()))
                .introspectionEndpoint(text(r.introspectionEndpoint()))
                .imsClientSecretSet(imsSecretSet)
                .directoryClientSecretSet(directorySecretSet);
        if (r.enabled() != null) {
            builder.enabled(r.enabled());
        }
        if (r.imsScope() != null) {
            builder.imsScope(r.imsScope());
        }
        if (r.maskIgnoresCase() != null) {
            builder.maskIgnoresCase(r.maskIgnoresCase());
        }
        if (r.syncIntervalMinutes() != null) {
            builder.syncIntervalMinutes(r.syncIntervalMinutes());
        }
        if (r.syncCapOperators() != null) {
            builder.syncCapOperators(r.syncCapOperators());
        }
        if (r.syncCapPercent() != null) {
            builder.syncCapPercent(r.syncCapPercent());
        }
        if (r.syncPreCreate() != null) {
            builder.syncPreCreate(r.syncPreCreate());
        }
        if (r.groupsClaim() != null) {
            builder.groupsClaim(text(r.groupsClaim()));
        }
        return builder.build();
    }

    /** Text as stored: without surrounding whitespace (pasted URLs and IDs often carry some), blank as absent. */
    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The write-only fields: never printed, never sent back to a page, stored only encrypted. */
    static final Set<String> SECRETS = Set.of("imsClientSecret", "directoryClientSecret");

    /** Never prints a secret, only whether one was given. */
    @Override
    public String toString() {
        return Arrays.stream(AccountRequest.class.getRecordComponents()).map(field -> field.getName() + "="
                + (SECRETS.contains(field.getName()) ? given((String) value(field)) : value(field)))
                .collect(Collectors.joining(", ", "AccountRequest[", "]"));
    }

    private Object value(RecordComponent field) {
        try {
            return field.getAccessor().invoke(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String given(String secret) {
        if (secret == null) {
            return "(keep)";
        }
        return secret.isEmpty() ? "(clear)" : "(new value)";
    }
}
