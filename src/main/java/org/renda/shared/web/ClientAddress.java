package org.renda.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * The key a per-client limit counts under: the request's remote address, an IPv6 address cut to its /64 (one
 * household or phone holds a whole /64). Behind a reverse proxy the remote address is the client's only when
 * {@code server.forward-headers-strategy} is set (then Tomcat or Spring takes it from X-Forwarded-For, from
 * trusted proxies only); a raw X-Forwarded-For header is never read here, since anyone can send one.
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String of(HttpServletRequest request) {
        return key(request.getRemoteAddr());
    }

    public static String key(@Nullable String addr) {
        if (addr == null || addr.isBlank()) {
            return "unknown";
        }
        if (addr.indexOf(':') < 0) {
            return addr;
        }
        try {
            byte[] b = InetAddress.getByName(addr.replaceAll("%.*$", "")).getAddress();
            if (b.length != 16) {
                return InetAddress.getByAddress(b).getHostAddress();
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                sb.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
            }
            return sb.append(":/64").toString();
        } catch (UnknownHostException e) { // a literal never resolves; keep the text
            return addr;
        }
    }
}
