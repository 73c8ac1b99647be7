package org.xietong.platform.delivery;

import org.xietong.platform.problem.ProblemException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a subscription's events may be posted. A partner names the address, so it must not turn the platform into
 * a way into its own network: HTTPS to a public address only, unless this installation allows private addresses
 * (a government network) or plain HTTP to loopback (the devstack and tests). No user information, no fragment;
 * redirects are never followed. The address is checked again before every delivery, so a name that later resolves
 * to a private address is refused then.
 */
public record WebhookEndpoint(URI uri) {

    public static final int MAX_LENGTH = 2000;

    /** What an installation permits beyond public HTTPS. */
    public record Allowance(boolean loopbackHttp, boolean privateAddresses) {
    }

    /** Parses and checks the form of an endpoint; 400 naming what is wrong. */
    public static WebhookEndpoint parse(String text, Allowance allowance) {
        URI uri;
        try {
            uri = new URI(text == null ? "" : text.strip());
        } catch (URISyntaxException e) {
            throw invalid("it is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.toString().length() > MAX_LENGTH || uri.getHost() == null || !uri.isAbsolute()) {
            throw invalid("it needs a scheme and a host, in at most " + MAX_LENGTH + " characters");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw invalid("it may carry no user information and no fragment");
        }
        boolean https = scheme.equals("https");
        if (!https && !(scheme.equals("http") && allowance.loopbackHttp() && isLoopbackName(uri.getHost()))) {
            throw invalid(allowance.loopbackHttp() ? "it must use https (or http to a loopback address)"
                    : "it must use https");
        }
        return new WebhookEndpoint(uri);
    }

    /** Resolves the host and refuses a private, loopback or link-local address unless allowed; 422 at subscription. */
    public void requireReachable(Allowance allowance) throws UnknownHostException {
        for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
            if (address.isLoopbackAddress() ? !allowance.loopbackHttp() && !allowance.privateAddresses()
                    : isPrivate(address) && !allowance.privateAddresses()) {
                throw new UnknownHostException(uri.getHost() + " resolves to a private address, which this "
                        + "installation does not deliver to");
            }
        }
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8, 198.18.0.0/15 (benchmarking), 240.0.0.0/4 (reserved)
            return (first == 100 && second >= 64 && second < 128) || first == 0
                    || (first == 198 && (second == 18 || second == 19)) || first >= 240;
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local; an IPv4-mapped address is judged as its IPv4 address.
            if ((b[0] & 0xfe) == 0xfc) {
                return true;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPrivate(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isLoopbackName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1");
    }

    private static ProblemException invalid(String why) {
        return ProblemException.badRequest("invalid-endpoint", "Invalid endpoint", "The endpoint is refused: " + why);
    }
}
