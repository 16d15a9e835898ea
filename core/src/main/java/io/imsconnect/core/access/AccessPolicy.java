package io.imsconnect.core.access;

import java.util.Objects;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.mask.AssociationMask;
import io.imsconnect.core.mask.MaskSettings;

/**
 * What an external account asks of an identity: membership of its organization (checked by whoever read the
 * identity, see {@link OrgCheck}), optionally a product context owned by that organization, and a product
 * profile that its association mask maps onto an existing security group.
 *
 * @param organizationId the organization whose members may sign in; {@code null} when not restricted
 * @param productContext the service code the user must hold; {@code null} or blank when not asked
 */
public record AccessPolicy(AssociationMask mask, String organizationId, String productContext) {

    public AccessPolicy {
        Objects.requireNonNull(mask, "mask cannot be null");
        productContext = productContext == null || productContext.isBlank() ? null : productContext;
    }

    /** The policy of a saved (valid) account; compiles its mask. */
    public static AccessPolicy of(AccountSettings account) {
        return new AccessPolicy(AssociationMask.compile(new MaskSettings(account.associationMask(),
                account.maskIgnoresCase())), account.imsOrganizationId(), account.productContext());
    }
}
