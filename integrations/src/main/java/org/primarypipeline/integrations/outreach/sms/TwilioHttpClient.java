package org.primarypipeline.integrations.outreach.sms;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;

/**
 * The Twilio SDK's HTTP client with two changes. It sends to a configurable API root (the SDK has none;
 * tests point it at a local stub shaped like Twilio's API). And it makes one attempt per call: the SDK
 * would repeat a POST that got a 5xx, and Apache HttpClient underneath would repeat one that got a
 * 429 or 503, either of which may send the same SMS twice; the outbox retries instead, with backoff,
 * and a status callback can still settle a row whose send did go through.
 */
final class TwilioHttpClient extends HttpClient {

    private static final String TWILIO_API = "https://api.twilio.com";

    private final NetworkHttpClient network = new NetworkHttpClient(HttpClientBuilder.create()
            .useSystemProperties()
            .disableAutomaticRetries()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setDefaultSocketConfig(DEFAULT_SOCKET_CONFIG)
                    .setMaxConnPerRoute(20)
                    .setMaxConnTotal(100)
                    .build())
            .setDefaultRequestConfig(DEFAULT_REQUEST_CONFIG));
    private final String baseUrl;

    TwilioHttpClient(String baseUrl) {
        String trimmed = baseUrl == null || baseUrl.isBlank() ? TWILIO_API : baseUrl.strip();
        this.baseUrl = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    @Override
    public Response makeRequest(Request request) {
        return network.makeRequest(TWILIO_API.equals(baseUrl) ? request : redirected(request));
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    private Request redirected(Request original) {
        URL twilioUrl = original.constructURL();
        URL target;
        try {
            target = URI.create(baseUrl + twilioUrl.getFile()).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("pp.outreach.sms.twilio.base-url is not a URL: " + baseUrl, e);
        }
        Request copy = new Request(original.getMethod(), target.toString()) {
            @Override
            public URL constructURL() {
                // the SDK would rewrite any host into *.twilio.com form; the target already carries the query
                return target;
            }
        };
        if (original.getUsername() != null) {
            copy.setAuth(original.getUsername(), original.getPassword());
        } else if (original.getAuthStrategy() != null) {
            copy.setAuth(original.getAuthStrategy());
        }
        original.getPostParams().forEach((name, values) -> values.forEach(value -> copy.addPostParam(name, value)));
        original.getHeaderParams().forEach((name, values) -> values.forEach(value -> copy.addHeaderParam(name, value)));
        copy.setContentType(original.getContentType());
        copy.setBody(original.getBody());
        copy.setUserAgentExtensions(original.getUserAgentExtensions());
        return copy;
    }
}
