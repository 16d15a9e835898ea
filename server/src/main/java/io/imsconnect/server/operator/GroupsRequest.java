package io.imsconnect.server.operator;

import java.util.List;

/** The MANUAL memberships an administrator wants an operator to have. */
record GroupsRequest(List<String> groups) {
}
