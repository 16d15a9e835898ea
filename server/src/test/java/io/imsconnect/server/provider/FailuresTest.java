package io.imsconnect.server.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/** The words for a failed call to an identity provider, the same in a sign-in's reason and a Test connection step. */
class FailuresTest {

    private static ConnectException connectCausedBy(Throwable cause) {
        ConnectException failure = new ConnectException();
        failure.initCause(cause);
        return failure;
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new ConnectException("Connection refused"),
                        "connection refused: nothing accepts connections there", true, 0),
                Arguments.of(new ResourceAccessException("I/O", new HttpConnectTimeoutException("connect")),
                        "timeout: it did not accept the connection in time", true, 0),
                Arguments.of(new ResourceAccessException("I/O", new HttpTimeoutException("read")),
                        "timeout: it did not answer in time", true, 0),
                Arguments.of(connectCausedBy(new UnresolvedAddressException()),
                        "DNS failure: its host name cannot be resolved", true, 0),
                Arguments.of(new UnknownHostException("ims.invalid"),
                        "DNS failure: its host name cannot be resolved", true, 0),
                Arguments.of(new ResourceAccessException("I/O", new SSLHandshakeException("PKIX path failed")),
                        "TLS failure: PKIX path failed", false, 0),
                Arguments.of(HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "", null, null, null),
                        "it answered HTTP 503", true, 503),
                Arguments.of(HttpClientErrorException.create(HttpStatus.NOT_FOUND, "", null, null, null),
                        "it answered HTTP 404", false, 404),
                Arguments.of(new IOException("stream closed"), "network failure: stream closed", false, 0),
                Arguments.of(new IllegalStateException("no JSON"),
                        "it answered something that is not the expected JSON", false, 0));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("failures")
    void describeWhenFailureThenWordsStatusAndAvailability(Throwable failure, String words, boolean unavailable,
            int status) {
        assertThat(Failures.describe(failure)).isEqualTo(words);
        assertThat(Failures.isUnavailable(failure)).isEqualTo(unavailable);
        assertThat(Failures.status(failure)).isEqualTo(status);
    }
}
