package nl.spoorwijzer.system;

import java.time.Duration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Every call the platform makes to the identity provider waits at most 2 s to connect and 3 s for the answer: a
 * stalled provider must not hold request threads (Spring's clients wait without limit by default). A timeout is a
 * provider that cannot be reached: 503 for a bearer token, the Dutch "not reachable" page for a sign-in.
 */
final class ProviderCalls {

    private ProviderCalls() {
    }

    static SimpleClientHttpRequestFactory requests() {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(Duration.ofSeconds(3));
        return requests;
    }

    /** Trades the sign-in's authorization code for tokens (Spring's client, with the converters it needs). */
    static OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokenEndpoint() {
        var client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(RestClient.builder()
                .requestFactory(requests())
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        return client;
    }

    /** Reads the provider's user info after a sign-in. */
    static DefaultOAuth2UserService userInfo() {
        RestTemplate template = new RestTemplate(requests());
        template.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
        var service = new DefaultOAuth2UserService();
        service.setRestOperations(template);
        return service;
    }
}
