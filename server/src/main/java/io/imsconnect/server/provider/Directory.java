package io.imsconnect.server.provider;

import java.util.List;

import io.imsconnect.core.sync.DirectoryUser;

import tools.jackson.databind.JsonNode;

/** Where and how one account's directory is read: its token endpoint and scope, its pages and their users. */
public interface Directory {

    /** The client-credentials token endpoint. */
    String tokenEndpoint();

    /** The scope the token asks for. */
    String scope();

    /** The URL of users' page {@code page} (from 0). */
    String usersPage(int page);

    /** The URL of the organization's groups' page {@code page} (from 0). */
    String groupsPage(int page);

    /** The product-profile names of one groups page's answer (user groups left out), and whether it is the last. */
    Page<String> productProfiles(JsonNode answer);

    /** The users of one page's answer, and whether it is the last page. */
    Page<DirectoryUser> users(JsonNode answer);

    /** Whether one users' page's answer says another page follows (false when it does not say), users left in. */
    boolean morePages(JsonNode answer);

    /** One page: its items, and whether no page follows. */
    record Page<T>(List<T> items, boolean lastPage) {
    }
}
