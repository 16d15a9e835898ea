package io.imsconnect.server.preview;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.mapping.MappingDecisions;
import io.imsconnect.core.mask.AssociationMask;
import io.imsconnect.core.mask.InvalidMaskException;
import io.imsconnect.core.mask.MaskSettings;
import io.imsconnect.server.account.AccountService;
import io.imsconnect.server.errors.ConflictException;
import io.imsconnect.server.errors.InvalidInputException;
import io.imsconnect.server.group.GroupService;
import io.imsconnect.server.group.Rights;
import io.imsconnect.server.group.SecurityGroup;
import io.imsconnect.server.provider.DirectoryClient;
import io.imsconnect.server.provider.IdentityProviderException;

/**
 * Tries an association mask on product-profile names before it is saved: what each name gives and whether that
 * group exists. The mapping itself is core's, the same that decides logins.
 */
@Service
class MaskPreviewService {

    static final int MAX_PROFILES = 1000;

    private final AccountService accounts;
    private final GroupService groups;
    private final DirectoryClient directory;
    private final MessageSource messages;

    MaskPreviewService(AccountService accounts, GroupService groups, DirectoryClient directory,
            MessageSource messages) {
        this.accounts = accounts;
        this.groups = groups;
        this.directory = directory;
        this.messages = messages;
    }

    /**
     * With {@code account} and no {@code profiles}, the organization's real product profiles are read from the
     * account's directory (Admin Console API), when it has one.
     */
    List<MaskPreviewRow> preview(MaskPreviewRequest request) {
        MaskSettings settings = settings(request);
        List<String> profiles = request.profiles() != null ? request.profiles()
                : request.account() != null ? directoryProfiles(request.account()) : List.of();
        if (profiles.size() > MAX_PROFILES) {
            throw new InvalidInputException("profiles", "tooMany", "holds " + profiles.size()
                    + " names; preview at most " + MAX_PROFILES + " at a time");
        }
        if (profiles.contains(null)) {
            throw new InvalidInputException("profiles", "invalidValue", "must hold profile names, not null");
        }
        AssociationMask mask = compile(settings, request.account() == null ? "mask" : "account");
        Set<String> existing = groups.names();
        Set<String> adminGroups = groups.list().stream().filter(g -> g.rights().contains(Rights.ADMIN))
                .map(SecurityGroup::internalName).collect(Collectors.toSet());
        return MappingDecisions.preview(mask, profiles, existing).stream()
                .map(mapping -> MaskPreviewRow.of(mapping, existing, adminGroups, messages)).toList();
    }

    private List<String> directoryProfiles(String accountName) {
        AccountSettings account = accounts.find(accountName).orElseThrow();
        Optional<String> secret = accounts.directoryClientSecret(accountName);
        if (!directory.readable(account) || secret.isEmpty()) {
            throw new InvalidInputException("profiles", "required", "are required: the account '" + accountName
                    + "' has no directory credentials to read its organization's profiles from");
        }
        try {
            return directory.productProfiles(account, secret.get());
        } catch (IdentityProviderException unreadable) {
            throw new ConflictException("account", "directoryUnavailable", unreadable.getMessage());
        }
    }

    private MaskSettings settings(MaskPreviewRequest request) {
        if (request.account() == null) {
            boolean ignoresCase = request.maskIgnoresCase() == null ? AccountSettings.DEFAULT_MASK_IGNORES_CASE
                    : request.maskIgnoresCase();
            return new MaskSettings(request.mask() == null ? "" : request.mask(), ignoresCase);
        }
        if (request.mask() != null || request.maskIgnoresCase() != null) {
            throw new InvalidInputException("account", "exclusive",
                    "cannot be combined with mask or maskIgnoresCase: give either an account or a mask");
        }
        AccountSettings account = accounts.find(request.account()).orElseThrow(() -> new InvalidInputException(
                "account", "unknown", "names no external account: '" + request.account() + "'"));
        if (account.associationMask() == null) {
            throw new InvalidInputException("account", "noMask",
                    "has no association mask yet: set one on the account or give a mask");
        }
        return new MaskSettings(account.associationMask(), account.maskIgnoresCase());
    }

    static AssociationMask compile(MaskSettings settings, String field) {
        try {
            return AssociationMask.compile(settings);
        } catch (InvalidMaskException e) {
            throw new InvalidMaskInputException(field, e.code(), e.getMessage(), e.position());
        }
    }
}
