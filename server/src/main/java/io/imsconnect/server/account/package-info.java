/**
 * External accounts: the connections to identity providers an administrator edits at run time, their
 * encrypted secrets, the accounts file, the console form and the API. Test connection ({@code connection}), the
 * mask preview ({@code preview}) and the {@code ims} package ({@code imspackage}) build on it.
 *
 * <p>Decisions:
 * <ul>
 *   <li>Reads always go to the database ({@link io.imsconnect.server.account.AccountService#enabled()} included),
 *       so a saved change applies to the next login on every node; there is no cache to invalidate.</li>
 *   <li>{@code PUT /api/v1/external-accounts/{internalName}} replaces every setting; omitted fields take their
 *       defaults ({@code type} adobe-ims, disabled, default IMS scopes, mask ignores case, groups claim
 *       {@code groups}). Secrets are write-only and follow their own rule: omitted or {@code null} keeps the
 *       stored secret, {@code ""} clears it, other text replaces it. In the console an empty secret input keeps
 *       and a "remove" box clears. Typed secrets are never sent back to a page, not even after a refused
 *       form or a preview.</li>
 *   <li>Secrets are encrypted with AES-256-GCM, a random 96-bit IV per value, and the account and field as
 *       associated data. The key comes from {@code IMSCONNECT_SECRET_KEY} ({@code imsconnect.secret-key}) or the
 *       owner-only file {@code secret.key} generated under {@code imsconnect.data-dir}. The first start writes
 *       an encrypted check value to {@code secret_key_check}; a start whose key does not decrypt it fails.</li>
 *   <li>An account type may need a package (its provider type says which): {@code adobe-ims} needs
 *       {@code ims}. Creating such an account, or reading one (or the default name
 *       {@code Adobe_Marketing_Cloud}) before installation is a 409 naming the package; {@code oidc} accounts
 *       need no package. The accounts file installs the package itself when it declares
 *       an {@code adobe-ims} account.</li>
 *   <li>The accounts file ({@code imsconnect.accounts-file}) is applied at every start after the core package
 *       and break-glass administrator; a declared account is marked {@code declaredInFile} and the file wins
 *       again at the next start over changes made in the console. Accounts the file no longer declares are
 *       left as they are (never deleted by the file).</li>
 *   <li>The fields are declared once, in {@code core}'s {@code AccountSettings}: the table's columns and the
 *       JSON view derive from its components; see docs/decisions/0009-fields-declared-once.md.</li>
 * </ul>
 */
package io.imsconnect.server.account;
