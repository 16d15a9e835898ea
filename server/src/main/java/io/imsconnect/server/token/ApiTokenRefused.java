package io.imsconnect.server.token;

import org.springframework.security.core.AuthenticationException;

/**
 * An API bearer token refused: 401 when it identifies no one (malformed, expired, revoked, another client, the
 * provider unreachable), 403 when it does and the access decision refuses (another organization, no profile
 * that maps, a disabled operator). The message is the reason an administrator can act on; {@code decisionId}
 * names the recorded login decision when there is one.
 */
public final class ApiTokenRefused extends AuthenticationException {

    private final int status;
    private final String decisionId;

    ApiTokenRefused(int status, String reason, String decisionId) {
        super(reason);
        this.status = status;
        this.decisionId = decisionId;
    }

    public int status() {
        return status;
    }

    /** The recorded login decision; {@code null} when the refusal was counted but not recorded on its own. */
    public String decisionId() {
        return decisionId;
    }
}
