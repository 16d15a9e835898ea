package io.imsconnect.sandbox.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the sandbox's YAML data file (format in {@code sandbox/README.md}).
 */
public final class SandboxDataLoader {

    private SandboxDataLoader() {
    }

    public static SandboxData load(InputStream yaml) {
        Object root;
        try (yaml) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Map<String, Object> doc = map(root, "document");
        List<Organization> orgs = new ArrayList<>();
        for (Object o : list(doc.get("organizations"))) {
            orgs.add(organization(map(o, "organization")));
        }
        List<SandboxUser> users = new ArrayList<>();
        for (Object u : list(doc.get("users"))) {
            users.add(user(map(u, "user")));
        }
        List<OAuthClient> clients = new ArrayList<>();
        for (Object c : list(doc.get("clients"))) {
            clients.add(client(map(c, "client")));
        }
        return new SandboxData(orgs, users, clients);
    }

    private static Organization organization(Map<String, Object> o) {
        List<ProductProfile> profiles = new ArrayList<>();
        for (Object p : list(o.get("profiles"))) {
            if (p instanceof Map<?, ?> m) {
                profiles.add(new ProductProfile(string(m.get("name")), string(m.get("serviceCode"))));
            }
            else {
                profiles.add(new ProductProfile(string(p), null));
            }
        }
        List<UserGroup> groups = new ArrayList<>();
        for (Object g : list(o.get("userGroups"))) {
            Map<String, Object> m = map(g, "user group");
            groups.add(new UserGroup(string(m.get("name")), strings(m.get("profiles"))));
        }
        return new Organization(string(o.get("id")), string(o.get("name")), string(o.get("tenant")), profiles, groups);
    }

    private static SandboxUser user(Map<String, Object> u) {
        Map<String, Membership> memberships = new LinkedHashMap<>();
        Object orgs = u.get("orgs");
        if (orgs != null) {
            map(orgs, "orgs").forEach((orgId, value) -> {
                Map<String, Object> m = value == null ? Map.of() : map(value, "membership");
                memberships.put(orgId, new Membership(strings(m.get("profiles")), strings(m.get("groups"))));
            });
        }
        return new SandboxUser(string(u.get("id")), string(u.get("email")), string(u.get("firstName")),
                string(u.get("lastName")), string(u.get("type")), string(u.get("country")),
                string(u.get("password")), memberships);
    }

    private static OAuthClient client(Map<String, Object> c) {
        String type = string(c.get("type"));
        List<Pattern> patterns = strings(c.get("redirectUriPatterns")).stream().map(Pattern::compile).toList();
        return new OAuthClient(string(c.get("clientId")), string(c.get("secret")),
                OAuthClient.Type.valueOf(type == null ? "WEB" : type.toUpperCase()), patterns,
                strings(c.get("scopes")), Boolean.TRUE.equals(c.get("requirePkce")),
                c.get("technicalAccount") == null ? null : technicalAccount(map(c.get("technicalAccount"), "account")));
    }

    /** A technical account: {@code id} and {@code email} ({@code …@techacct.adobe.com}), {@code orgs}. */
    private static SandboxUser technicalAccount(Map<String, Object> t) {
        Map<String, Object> user = new LinkedHashMap<>(t);
        user.put("type", "technicalAccount");
        user.putIfAbsent("firstName", "Technical");
        user.putIfAbsent("lastName", "Account");
        user.remove("password");
        return user(user);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("expected a mapping for " + what + ", got: " + value);
        }
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> l)) {
            throw new IllegalArgumentException("expected a list, got: " + value);
        }
        return l;
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(SandboxDataLoader::string).toList();
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
