package io.imsconnect.server.signin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.springframework.web.util.HtmlUtils;

import io.imsconnect.server.testing.Api;

import tools.jackson.databind.JsonNode;

/** Reads what a sign-in left behind, through the REST API. */
final class SignInSupport {

    private final Api api;

    SignInSupport(Api api) {
        this.api = api;
    }

    /** The words of a message key as a page shows them (HTML-escaped), so a test names the key, not the prose. */
    static String words(String key) {
        return HtmlUtils.htmlEscape(ResourceBundle.getBundle("messages", Locale.ROOT).getString(key));
    }

    List<JsonNode> operatorsOf(String account) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode operator : api.get("/api/v1/operators").json()) {
            if (account.equals(operator.path("origin").asString())) {
                found.add(operator);
            }
        }
        return found;
    }

    JsonNode onlyOperatorOf(String account) {
        List<JsonNode> operators = operatorsOf(account);
        if (operators.size() != 1) {
            throw new AssertionError("Expected one operator of " + account + ", found " + operators);
        }
        return operators.get(0);
    }

    List<String> groups(JsonNode operator, String source) {
        List<String> groups = new ArrayList<>();
        for (JsonNode membership : operator.path("groups")) {
            if (source.equals(membership.path("source").asString())) {
                groups.add(membership.path("group").asString());
            }
        }
        return groups;
    }

    JsonNode lastDecision(String account) {
        JsonNode decisions = api.get("/api/v1/login-decisions?account=" + account + "&limit=1").json();
        if (decisions.isEmpty()) {
            throw new AssertionError("No login decision for " + account);
        }
        return decisions.get(0);
    }

    int decisionCount(String account) {
        return api.get("/api/v1/login-decisions?account=" + account + "&limit=1000").json().size();
    }
}
