package io.imsconnect.server.login;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

import javax.net.ssl.SSLException;

import org.springframework.web.client.RestClientResponseException;

/** Says in words why a call to an identity provider failed, from the exception's causes. */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException) {
                return "it did not accept the connection in time";
            }
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return "it did not answer in time";
            }
            if (cause instanceof UnknownHostException) {
                return "its host name is unknown (DNS)";
            }
            if (cause instanceof ConnectException) {
                return "the connection was refused";
            }
            if (cause instanceof SSLException) {
                return "the TLS handshake failed";
            }
            if (cause instanceof RestClientResponseException response) {
                return "it answered HTTP " + response.getStatusCode().value();
            }
        }
        return "it answered something that is not the expected JSON";
    }

    /** The HTTP status the provider answered, from the causes; 0 when it did not answer. */
    static int status(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RestClientResponseException response) {
                return response.getStatusCode().value();
            }
        }
        return 0;
    }

    static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException
                    || cause instanceof UnknownHostException || cause instanceof ConnectException
                    || cause instanceof IdentityProviderException provider && provider.isUnavailable()) {
                return true;
            }
            if (cause instanceof RestClientResponseException response && response.getStatusCode().is5xxServerError()) {
                return true;
            }
        }
        return false;
    }
}
