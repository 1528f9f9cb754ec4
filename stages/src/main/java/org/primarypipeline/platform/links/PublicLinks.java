package org.primarypipeline.platform.links;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Addresses of the public pages that messages link to (ballots, nominations, invitations), on the base
 * URL the world reaches this app at ({@code pp.outreach.public-base-url}, which the app sets from
 * {@code pp.public-base-url}).
 */
@Component
public class PublicLinks {

    private final String baseUrl;

    public PublicLinks(@Value("${pp.outreach.public-base-url:http://localhost:8080}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** {@code path} starts with a slash. */
    public String url(String path) {
        return baseUrl + path;
    }
}
