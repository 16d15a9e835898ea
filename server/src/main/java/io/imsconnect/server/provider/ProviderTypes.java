package io.imsconnect.server.provider;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.account.AccountType;

/** The registered provider types, one bean each; adding a type is adding a {@link ProviderType} bean. */
@Component
public class ProviderTypes {

    private final Map<AccountType, ProviderType> types = new EnumMap<>(AccountType.class);
    private final ProviderMetadata metadata;

    ProviderTypes(List<ProviderType> registered, ProviderMetadata metadata) {
        registered.forEach(type -> types.put(type.type(), type));
        for (AccountType type : AccountType.values()) {
            if (!types.containsKey(type)) {
                throw new IllegalStateException("No ProviderType bean for the account type " + type.id());
            }
        }
        this.metadata = metadata;
    }

    /** The types' ids ({@code adobe-ims}, {@code oidc}), as the API and the console name them. */
    public List<String> ids() {
        return types.keySet().stream().map(AccountType::id).toList();
    }

    /** For each type-specific section of the account form, the ids of the types that use it. */
    public Map<String, List<String>> formSectionTypes() {
        Map<String, List<String>> sections = new TreeMap<>();
        types.forEach((type, provider) -> provider.formSections()
                .forEach(section -> sections.computeIfAbsent(section, s -> new ArrayList<>()).add(type.id())));
        return sections;
    }

    public ProviderType of(AccountType type) {
        return types.get(type);
    }

    public ProviderType of(AccountSettings account) {
        return of(account.type());
    }

    /** The account's discovery document (cached per URL, see {@link ProviderMetadata}). */
    public ProviderMetadata.Metadata discovery(AccountSettings account) {
        return metadata.of(of(account).discoveryUrl(account));
    }

    /** The account's discovery document read now, not from the cache: the provider answers, or this throws. */
    public ProviderMetadata.Metadata freshDiscovery(AccountSettings account) {
        return metadata.fresh(of(account).discoveryUrl(account));
    }

    /** The endpoints of the account's provider, reading discovery when needed. */
    public ProviderType.Endpoints endpoints(AccountSettings account) {
        return of(account).endpoints(account, discovery(account));
    }
}
