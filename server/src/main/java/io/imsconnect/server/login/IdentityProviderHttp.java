package io.imsconnect.server.login;

import java.net.http.HttpClient;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import io.imsconnect.server.system.ImsConnectProperties;

/**
 * HTTP to identity providers with bounded connect and read timeouts: discovery, token, keys, profile,
 * organizations and userinfo all go through here, so a slow provider yields a clear failure, not a hang.
 */
@Component
class IdentityProviderHttp {

    private final JdkClientHttpRequestFactory requests;

    IdentityProviderHttp(ImsConnectProperties properties) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.login().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.requests = new JdkClientHttpRequestFactory(client);
        this.requests.setReadTimeout(properties.login().readTimeout());
    }

    RestClient.Builder restClient() {
        return RestClient.builder().requestFactory(requests);
    }

    RestTemplate restTemplate() {
        return new RestTemplate(requests);
    }
}
