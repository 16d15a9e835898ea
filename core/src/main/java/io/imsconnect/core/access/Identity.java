package io.imsconnect.core.access;

import java.util.List;
import java.util.Objects;

/**
 * Who the identity provider says signed in: the stable subject, the profile fields the instance keeps in
 * step, whether they belong to the configured organization (and what the provider said about it, for the
 * refusal's words), their product-profile names there, and (IMS) the product contexts they hold.
 */
public record Identity(String subject, String email, String displayName, OrgCheck orgCheck, String orgDetail,
        List<String> profiles, List<ProductContext> productContexts) {

    public Identity {
        Objects.requireNonNull(subject, "subject cannot be null");
        Objects.requireNonNull(orgCheck, "orgCheck cannot be null");
        orgDetail = orgDetail == null ? "" : orgDetail;
        profiles = List.copyOf(profiles);
        productContexts = List.copyOf(productContexts);
    }

    /** An IMS {@code projectedProductContext[].prodCtx}: a service the user may use, owned by an org. */
    public record ProductContext(String serviceCode, String owningEntity) {
    }

    /** Whether the user holds {@code serviceCode}, owned by {@code organizationId} when one is given. */
    public boolean holdsProductContext(String serviceCode, String organizationId) {
        return productContexts.stream().anyMatch(c -> serviceCode.equals(c.serviceCode())
                && (organizationId == null || organizationId.equalsIgnoreCase(c.owningEntity())));
    }
}
