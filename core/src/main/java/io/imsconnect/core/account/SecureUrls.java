package io.imsconnect.core.account;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which URLs may receive secrets and tokens: absolute https, or plain http to this machine when allowed. */
public final class SecureUrls {

    private static final Pattern IPV4_LOOPBACK =
            Pattern.compile("127\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Set<String> IPV6_LOOPBACK = Set.of("[::1]", "[0:0:0:0:0:0:0:1]");

    private SecureUrls() {
    }

    /**
     * Whether a URL the identity provider gave (an endpoint in its discovery document) may receive secrets and
     * tokens: absolute https with a host, or plain http to this machine when insecure loopback is allowed.
     */
    public static boolean isSecureEndpoint(String url, boolean allowInsecureLoopback) {
        if (url == null) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            return false;
        }
        return "https".equalsIgnoreCase(uri.getScheme())
                || "http".equalsIgnoreCase(uri.getScheme()) && allowInsecureLoopback && isLoopbackHost(uri.getHost());
    }

    /** Whether the host of a URL is this machine: {@code localhost}, 127.0.0.0/8 or ::1. */
    static boolean isLoopbackHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.equals("localhost") || IPV6_LOOPBACK.contains(lower)) {
            return true;
        }
        Matcher ipv4 = IPV4_LOOPBACK.matcher(lower);
        if (!ipv4.matches()) {
            return false;
        }
        for (int i = 1; i <= 3; i++) {
            if (Integer.parseInt(ipv4.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }
}
