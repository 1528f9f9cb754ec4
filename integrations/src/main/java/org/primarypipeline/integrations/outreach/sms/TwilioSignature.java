package org.primarypipeline.integrations.outreach.sms;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.primarypipeline.integrations.outreach.OutreachProperties;
import org.springframework.stereotype.Component;

/**
 * Checks X-Twilio-Signature: an HMAC-SHA1, keyed with our auth token, of the URL Twilio called and its
 * POST parameters. Twilio signs the public URL it was given, which behind a proxy is not the one this
 * server sees, so the URL is rebuilt from {@code pp.outreach.public-base-url}. Without an auth token
 * nothing can be verified and every request is refused.
 */
@Component
public class TwilioSignature {

    public static final String HEADER = "X-Twilio-Signature";

    private final String baseUrl;
    private final RequestValidator validator;

    public TwilioSignature(OutreachProperties properties) {
        this.baseUrl = properties.baseUrl();
        String token = properties.getSms().getTwilio().getAuthToken();
        this.validator = token == null || token.isBlank() ? null : new RequestValidator(token);
    }

    public boolean isValid(HttpServletRequest request) {
        String signature = request.getHeader(HEADER);
        if (validator == null || signature == null || signature.isBlank()) {
            return false;
        }
        String query = request.getQueryString();
        String url = baseUrl + request.getRequestURI() + (query == null ? "" : "?" + query);
        return validator.validate(url, postParameters(request, query), signature);
    }

    /** The servlet API mixes query and form parameters; Twilio signs the query as part of the URL only. */
    private static Map<String, String> postParameters(HttpServletRequest request, String query) {
        Set<String> inQuery = new HashSet<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                inQuery.add(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8));
            }
        }
        Map<String, String> params = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!inQuery.contains(name) && values.length > 0) {
                params.put(name, values[0]);
            }
        });
        return params;
    }
}
