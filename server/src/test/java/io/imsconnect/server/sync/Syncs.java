package io.imsconnect.server.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.imsconnect.core.access.Identity;
import io.imsconnect.core.access.OrgCheck;
import io.imsconnect.core.account.AccountSettings;
import io.imsconnect.server.provisioning.Provisioning;
import io.imsconnect.server.testing.Accounts;
import io.imsconnect.server.testing.Api;
import io.imsconnect.server.testing.Sandbox;

import tools.jackson.databind.JsonNode;

/** Starts directory-sync runs through the API and waits for them; makes accounts and operators to sync. */
final class Syncs {

    static final String DELIVERY = "Campaign - acme - delivery";

    private final Api api;
    private final Accounts accounts;

    Syncs(Api api, int port) {
        this.api = api;
        this.accounts = new Accounts(api, port);
    }

    /** An enabled adobe-ims account of acme with the sandbox's directory credentials. */
    String account() {
        return account(null);
    }

    /** The same; {@code extra} adds JSON fields (the sync's settings, for one). */
    String account(String extra) {
        return accounts.adobeIms(Accounts.ACME_MASK, """
                "directoryServer":"%s","directoryClientId":"%s","directoryClientSecret":"%s\""""
                .formatted(Sandbox.get().url(), Sandbox.DIRECTORY_CLIENT_ID, Sandbox.DIRECTORY_CLIENT_SECRET)
                + (extra == null ? "" : "," + extra));
    }

    /** An operator of the account that the directory does not list, holding the MASK group delivery. */
    static String ghost(Provisioning provisioning, AccountSettings account, String subject) {
        return provisioning.provision(account, new Identity(subject, subject.toLowerCase() + "@gone.example", "Ghost",
                OrgCheck.MEMBER, "", List.of(DELIVERY), List.of())).operator();
    }

    long start(String account, boolean dryRun) {
        Api.Response started = api.post("/api/v1/external-accounts/" + account + "/directory-sync",
                "{\"dryRun\":" + dryRun + "}");
        if (started.status() != 202) {
            throw new AssertionError("start answered " + started.status() + ": " + started.body());
        }
        return started.json().path("id").asLong();
    }

    JsonNode run(long id) {
        return api.get("/api/v1/directory-sync/runs/" + id).json();
    }

    /** Waits until the run leaves RUNNING, or {@code timeout} passes. */
    JsonNode awaitEnd(long id, Duration timeout) {
        return await(id, timeout, run -> !"RUNNING".equals(run.path("state").asString()));
    }

    JsonNode await(long id, Duration timeout, java.util.function.Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode run = run(id);
            if (condition.test(run)) {
                return run;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("run " + id + " did not get there in time: " + run);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    JsonNode changes(long id) {
        return api.get("/api/v1/directory-sync/runs/" + id + "/changes?limit=1000").json();
    }

    JsonNode operator(String name) {
        return api.get("/api/v1/operators/" + name).json();
    }

    static Set<String> maskGroups(JsonNode operator) {
        Set<String> groups = new java.util.TreeSet<>();
        operator.path("groups").forEach(m -> {
            if ("MASK".equals(m.path("source").asString())) {
                groups.add(m.path("group").asString());
            }
        });
        return groups;
    }
}
