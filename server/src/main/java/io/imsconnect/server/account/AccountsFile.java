package io.imsconnect.server.account;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import io.imsconnect.server.errors.InvalidInputException;
import io.imsconnect.server.packages.PackageService;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the accounts declared in the YAML file {@code imsconnect.accounts-file} at every start, so a
 * deployment is configured without clicking. Each entry has the fields of the API's PUT body plus
 * {@code internalName}; it creates or replaces that account (idempotent: an unchanged file changes nothing and
 * records nothing). Values may reference {@code ${NAME}}: environment variables or Spring properties, resolved
 * here, so secrets need not be written in the file. A bad file stops the start, naming the account and field.
 *
 * <pre>
 * accounts:
 *   - internalName: Adobe_Marketing_Cloud
 *     type: adobe-ims
 *     enabled: true
 *     imsServer: https://ims-na1.adobelogin.com
 *     imsClientId: campaign-prod
 *     imsClientSecret: ${IMS_CLIENT_SECRET}
 *     ...
 * </pre>
 */
@Component
@Order(3)
class AccountsFile implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountsFile.class);

    private final String location;
    private final AccountService accounts;
    private final PackageService packages;
    private final JsonMapper json;
    private final Environment environment;

    AccountsFile(@Value("${imsconnect.accounts-file:}") String location, AccountService accounts,
            PackageService packages, JsonMapper json, Environment environment) {
        this.location = location;
        this.accounts = accounts;
        this.packages = packages;
        this.json = json;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (location != null && !location.isBlank()) {
            apply(Path.of(location.strip()));
        }
    }

    /** Applies the file; returns the internal names of the accounts it created or changed. */
    List<String> apply(Path file) {
        List<Map<String, Object>> entries = read(file);
        List<String> changed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> entry = entries.get(i);
            Object name = entry.get("internalName");
            String where = "accounts file " + file + ", entry " + (i + 1);
            if (!(name instanceof String internalName) || internalName.isBlank()) {
                throw new IllegalStateException(where + ": internalName is required");
            }
            where = where + " (" + internalName + ")";
            if (!seen.add(internalName)) {
                throw new IllegalStateException(where + ": declared twice; keep one entry per account");
            }
            AccountRequest request = request(entry, where);
            accounts.missingPackage(request.type()).ifPresent(missing -> {
                log.info("Installing the package '{}' for the account {} declared in {}", missing, internalName,
                        file);
                packages.install(missing);
            });
            try {
                if (accounts.put(internalName, request, AccountService.Origin.FILE).changed()) {
                    changed.add(internalName);
                }
            } catch (InvalidInputException invalid) {
                throw new IllegalStateException(where + ": " + invalid.violations().stream()
                        .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")), invalid);
            }
        }
        log.info("Applied {} account(s) from {}; changed: {}", entries.size(), file, changed);
        return changed;
    }

    private List<Map<String, Object>> read(Path file) {
        Object document;
        // SnakeYAML keeps the last of two equal keys unless told otherwise: the file must mean what it shows.
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = new Yaml(new SafeConstructor(options)).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the accounts file " + file
                    + " (setting imsconnect.accounts-file)", e);
        } catch (DuplicateKeyException e) {
            // The problem names the key, never its value, which may be a secret.
            throw new IllegalStateException("The accounts file " + file + ", line " + (e.getProblemMark().getLine() + 1)
                    + ": " + e.getProblem() + "; keep one value per key", e);
        } catch (YAMLException e) {
            throw new IllegalStateException("The accounts file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (document == null) {
            return List.of();
        }
        if (!(document instanceof Map<?, ?> root) || !root.keySet().equals(Set.of("accounts"))
                || !(root.get("accounts") instanceof List<?> list)) {
            throw new IllegalStateException("The accounts file " + file
                    + " must hold one key, accounts, with a list of accounts");
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new IllegalStateException("The accounts file " + file
                        + ": each item under accounts must be a map of account fields");
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            map.forEach((key, value) -> entry.put(String.valueOf(key), resolve(file, String.valueOf(key), value)));
            entries.add(entry);
        }
        return entries;
    }

    /** Resolves {@code ${NAME}}; the error names the field, never the value, which may be a secret. */
    private Object resolve(Path file, String field, Object value) {
        if (value instanceof String text) {
            try {
                return environment.resolveRequiredPlaceholders(text);
            } catch (IllegalArgumentException unresolved) {
                throw new IllegalStateException("The accounts file " + file + ": the field " + field
                        + " references a ${...} variable that is neither an environment variable nor a property");
            }
        }
        if (value instanceof List<?> items) {
            return items.stream().map(item -> resolve(file, field, item)).toList();
        }
        return value;
    }

    private AccountRequest request(Map<String, Object> entry, String where) {
        try {
            return json.convertValue(entry, AccountRequest.class);
        } catch (JacksonException e) {
            String field = e.getPath().stream().map(reference -> reference.getPropertyName())
                    .filter(java.util.Objects::nonNull).collect(Collectors.joining("."));
            throw new IllegalStateException(where + ": " + (field.isEmpty() ? "" : "field " + field + ": ")
                    + e.getOriginalMessage(), e);
        }
    }
}
