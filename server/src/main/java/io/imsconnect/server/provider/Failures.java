package io.imsconnect.server.provider;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

import org.springframework.web.client.RestClientResponseException;

/**
 * The words for a failed call to an identity provider, from the exception's causes: the same words in a
 * refused sign-in's reason and in a Test connection step. Never the answer's body, which may hold a token.
 */
public final class Failures {

    private Failures() {
    }

    /** Why the call failed, e.g. "connection refused: nothing accepts connections there". */
    public static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // The JDK's client reports an unknown host as a ConnectException caused by this.
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return "DNS failure: its host name cannot be resolved";
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException) {
                return "timeout: it did not accept the connection in time";
            }
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return "timeout: it did not answer in time";
            }
            if (cause instanceof ConnectException) {
                return "connection refused: nothing accepts connections there";
            }
            if (cause instanceof SSLException) {
                return "TLS failure: " + rootMessage(cause);
            }
            if (cause instanceof RestClientResponseException response) {
                return "it answered HTTP " + response.getStatusCode().value();
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return "network failure: " + rootMessage(cause);
            }
        }
        return "it answered something that is not the expected JSON";
    }

    /** The HTTP status the provider answered, from the causes; 0 when it did not answer. */
    public static int status(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RestClientResponseException response) {
                return response.getStatusCode().value();
            }
        }
        return 0;
    }

    /** Whether the call was not sent because too many already wait on the provider ({@link ProviderBulkhead}). */
    public static boolean isBusy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IdentityProviderException provider && provider.isBusy()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the provider was down, slow or unreachable (as opposed to answering something wrong). */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException
                    || cause instanceof UnknownHostException
                    || cause instanceof UnresolvedAddressException || cause instanceof ConnectException
                    || cause instanceof IdentityProviderException provider && provider.isUnavailable()) {
                return true;
            }
            if (cause instanceof RestClientResponseException response && response.getStatusCode().is5xxServerError()) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
