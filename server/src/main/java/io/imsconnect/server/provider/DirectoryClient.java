package io.imsconnect.server.provider;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.core.sync.DirectoryUser;

import tools.jackson.databind.JsonNode;

/**
 * Reads an account's directory one page at a time through {@link ProviderClient}, with a client-credentials
 * token cached until shortly before it expires (docs/provider-facts.md#directory-credentials: Adobe may throttle
 * an integration that asks for too many). It never waits itself: a 429 comes back as {@link PageRead.Wait} with
 * the provider's {@code Retry-After}, a 5xx or a missing answer as {@link PageRead.Retry}, so the caller
 * reschedules instead of holding a thread (docs/provider-facts.md#umapi-throttling).
 */
@Component
public class DirectoryClient {

    private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(5);

    private final ProviderClient http;
    private final ProviderTypes types;
    private final Clock clock;
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    DirectoryClient(ProviderClient http, ProviderTypes types, Clock clock) {
        this.http = http;
        this.types = types;
        this.clock = clock;
    }

    /** What reading one page came to. */
    public sealed interface PageRead {

        /** The page's users, and whether it was the last. */
        record Users(List<DirectoryUser> users, boolean lastPage) implements PageRead {
        }

        /** The page's product-profile names, and whether it was the last. */
        record Profiles(List<String> names, boolean lastPage) implements PageRead {
        }

        /** Throttled: ask again after {@code after}, or after a back-off when the provider named no wait. */
        record Wait(Duration after, String reason) implements PageRead {
        }

        /** A transient failure (5xx, timeout, no answer): ask again after a back-off. */
        record Retry(String reason) implements PageRead {
        }

        /** Asking again will not help: credentials refused, no such organization, an unreadable answer. */
        record Failed(String reason) implements PageRead {
        }
    }

    /** Whether the account's type has a directory and the account what reading it needs. */
    public boolean readable(AccountSettings account) {
        return types.of(account).directory(account).isPresent();
    }

    public PageRead usersPage(AccountSettings account, String secret, int page) {
        return fetchUsersPage(account, secret, page).read();
    }

    /**
     * Users' page {@code page} fetched, its users not taken out yet ({@link FetchedPage#read}): a reader that knows
     * from {@link FetchedPage#followed} that another page comes can ask for it while it works on this one, and
     * still has one request in flight at a time (docs/decisions/0029-directory-sync-reads-ahead.md).
     */
    public FetchedPage fetchUsersPage(AccountSettings account, String secret, int page) {
        return fetch(account, secret, page, Directory::usersPage);
    }

    /** A page as {@link #fetch} left it: its answer as JSON, or the {@link PageRead} that says why there is none. */
    public static final class FetchedPage {

        private final PageRead failed;
        private final Directory directory;
        private final JsonNode answer;
        private final int page;

        private FetchedPage(PageRead failed, Directory directory, JsonNode answer, int page) {
            this.failed = failed;
            this.directory = directory;
            this.answer = answer;
            this.page = page;
        }

        /** Whether the answer says another page follows; false when there is no answer. */
        public boolean followed() {
            return failed == null && directory.morePages(answer);
        }

        /** The page's users, or what the caller should do instead. */
        public PageRead read() {
            return parse((directory, answer) -> {
                Directory.Page<DirectoryUser> users = directory.users(answer);
                return new PageRead.Users(users.items(), users.lastPage());
            });
        }

        private PageRead parse(BiFunction<Directory, JsonNode, PageRead> parse) {
            if (failed != null) {
                return failed;
            }
            try {
                return parse.apply(directory, answer);
            } catch (IdentityProviderException unreadable) {
                return new PageRead.Failed(unreadable.getMessage() + " (page " + page + ")");
            }
        }
    }

    /**
     * Every product profile of the organization, for the mask preview: read at once, without waiting out a
     * throttle (an administrator is waiting), so a 429 or a failure ends it with the reason.
     */
    public List<String> productProfiles(AccountSettings account, String secret) {
        List<String> names = new ArrayList<>();
        for (int page = 0;; page++) {
            PageRead read = fetch(account, secret, page, Directory::groupsPage).parse((directory, answer) -> {
                Directory.Page<String> profiles = directory.productProfiles(answer);
                return new PageRead.Profiles(profiles.items(), profiles.lastPage());
            });
            if (!(read instanceof PageRead.Profiles profiles)) {
                throw new IdentityProviderException("The organization's product profiles could not be read: "
                        + reason(read), null);
            }
            names.addAll(profiles.names());
            if (profiles.lastPage()) {
                return names;
            }
        }
    }

    private FetchedPage fetch(AccountSettings account, String secret, int page,
            BiFunction<Directory, Integer, String> url) {
        Directory directory = types.of(account).directory(account).orElse(null);
        if (directory == null) {
            return failed(new PageRead.Failed("the account has no directory to read: set directoryServer, "
                    + "directoryClientId and imsOrganizationId"), page);
        }
        String target = url.apply(directory, page);
        if (!http.isSecure(directory.tokenEndpoint()) || !http.isSecure(target)) {
            return failed(new PageRead.Failed("the token endpoint or directoryServer is not an absolute https URL"),
                    page);
        }
        String key = directory.tokenEndpoint() + " " + account.directoryClientId() + " " + secret.hashCode();
        CachedToken token = tokens.get(key);
        if (token == null || !clock.instant().isBefore(token.expires())) {
            PageRead refused = fetchToken(directory, account.directoryClientId(), secret, key);
            if (refused != null) {
                return failed(refused, page);
            }
            token = tokens.get(key);
        }
        ProviderClient.Exchange answer = http.exchange(target, Map.of("Authorization", "Bearer " + token.value(),
                "x-api-key", account.directoryClientId()), null);
        if (answer.status() == 401) {
            tokens.remove(key);
        }
        PageRead failed = classify(answer, "page " + page);
        return failed != null ? failed(failed, page) : new FetchedPage(null, directory, answer.json(), page);
    }

    private static FetchedPage failed(PageRead failed, int page) {
        return new FetchedPage(failed, null, null, page);
    }

    private static String reason(PageRead read) {
        if (read instanceof PageRead.Wait wait) {
            return wait.reason() + (wait.after() == null ? "" : ", asked to wait " + wait.after().toSeconds() + " s");
        }
        return read instanceof PageRead.Retry retry ? retry.reason() : ((PageRead.Failed) read).reason();
    }

    private PageRead fetchToken(Directory directory, String clientId, String secret, String key) {
        String form = Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret,
                "scope", directory.scope()).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        ProviderClient.Exchange answer = http.exchange(directory.tokenEndpoint(), Map.of(), form);
        PageRead failed = classify(answer, "directory token");
        if (failed != null) {
            return failed;
        }
        JsonNode json = answer.json();
        String value = json == null ? null : JsonValues.text(json, "access_token");
        if (value == null) {
            return new PageRead.Failed("the token endpoint's answer has no access_token");
        }
        long seconds = json.path("expires_in").asLong(3600);
        tokens.put(key, new CachedToken(value, clock.instant().plusSeconds(seconds).minus(EXPIRY_MARGIN)));
        return null;
    }

    /** {@code null} for a 200 with JSON; else what the caller should do. */
    private PageRead classify(ProviderClient.Exchange answer, String what) {
        if (answer.failure() != null) {
            return new PageRead.Retry(what + ": " + answer.failure());
        }
        int status = answer.status();
        if (status == 429) {
            return new PageRead.Wait(retryAfter(answer.retryAfter()), what + ": throttled (HTTP 429)");
        }
        if (status >= 500) {
            return new PageRead.Retry(what + ": HTTP " + status);
        }
        if (status == 401) {
            return new PageRead.Retry(what + ": HTTP 401, the token is asked for again");
        }
        if (status != 200 || answer.json() == null) {
            return new PageRead.Failed(what + ": HTTP " + status + (status == 200 ? ", not JSON" : "")
                    + (status == 403 ? ": check directoryClientId (x-api-key) and the credential's rights" : "")
                    + (status == 404 ? ": check imsOrganizationId and directoryServer" : ""));
        }
        return null;
    }

    /** RFC 9110 §10.2.3: delay-seconds or an HTTP date; {@code null} when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private record CachedToken(String value, Instant expires) {
    }
}
