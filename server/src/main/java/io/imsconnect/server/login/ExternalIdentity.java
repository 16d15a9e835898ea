package io.imsconnect.server.login;

import java.util.List;

import io.imsconnect.core.mapping.OrgCheck;

/**
 * Who the identity provider says signed in: the stable subject, the profile fields the instance keeps in
 * step, whether they belong to the configured organization, their product-profile names there, and (IMS) the
 * product contexts they hold.
 */
record ExternalIdentity(String subject, String email, String displayName, OrgCheck orgCheck, String orgDetail,
        List<String> profiles, List<ProductContext> productContexts) {

    ExternalIdentity {
        profiles = List.copyOf(profiles);
        productContexts = List.copyOf(productContexts);
    }

    /** An IMS {@code projectedProductContext[].prodCtx}: a service the user may use, owned by an org. */
    record ProductContext(String serviceCode, String owningEntity) {
    }

    boolean holdsProductContext(String serviceCode, String organizationId) {
        return productContexts.stream().anyMatch(c -> serviceCode.equals(c.serviceCode())
                && (organizationId == null || organizationId.equalsIgnoreCase(c.owningEntity())));
    }
}
