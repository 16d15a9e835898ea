package io.imsconnect.server.session;

import java.util.Collection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends an operator's live sessions, on every node (they live in the database). A session carries the rights
 * its operator had at sign-in, so whenever rights shrink or an operator is disabled the sessions end, and the
 * next sign-in reads the rights anew.
 */
@Component
public class LiveSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    LiveSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.sessions = sessions;
    }

    public void end(String operator) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository != null) {
            repository.findByPrincipalName(operator).keySet().forEach(repository::deleteById);
        }
    }

    public void endAll(Collection<String> operators) {
        operators.forEach(this::end);
    }
}
