package org.primarypipeline.console.users;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The proxies in front of the app (the Ingress controller's pods, a load balancer) whose forwarded
 * headers are believed: {@code pp.security.trusted-proxies}, addresses or CIDR ranges separated by
 * commas. Empty, the default, trusts none, so forwarded headers from the internet mean nothing.
 */
public final class TrustedProxies {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<IpAddressMatcher> ranges;

    public TrustedProxies(String configured) {
        this.ranges = Arrays.stream(configured == null ? new String[0] : configured.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(TrustedProxies::range)
                .toList();
    }

    public boolean none() {
        return ranges.isEmpty();
    }

    public boolean trusts(String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        for (IpAddressMatcher range : ranges) {
            if (range.matches(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client, from a trusted peer's X-Forwarded-For: walking from the right (the entry the nearest
     * proxy added), the first address that is not itself a trusted proxy. Entries further left were
     * sent by the client and prove nothing.
     */
    public String client(String peer, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String leftmost = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty()) {
                continue;
            }
            if (!trusts(hop)) {
                return hop;
            }
            leftmost = hop;
        }
        return leftmost;
    }

    private static IpAddressMatcher range(String value) {
        String address = value.contains("/") ? value.substring(0, value.indexOf('/')) : value;
        if (!IP_LITERAL.matcher(address).matches()) {
            throw new IllegalArgumentException("pp.security.trusted-proxies: \"" + value
                    + "\" is not an IP address or CIDR range (host names are not accepted)");
        }
        return new IpAddressMatcher(value);
    }
}
