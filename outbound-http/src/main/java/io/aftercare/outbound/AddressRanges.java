package io.aftercare.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Which addresses are not the public internet: ours, the machine's, the cloud's metadata service, the local network,
 * the carrier's NAT, multicast and the reserved rest. IPv6 forms that carry an IPv4 address (mapped
 * {@code ::ffff:a.b.c.d}, compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged
 * by the IPv4 address inside: a host or proxy that translates them reaches that address.
 */
public final class AddressRanges {

    /** What an address is, when it is not public. */
    public enum Kind {
        LOOPBACK("loopback"), UNSPECIFIED("unspecified"), LINK_LOCAL("link-local"), PRIVATE("private"), SHARED(
                "carrier-grade NAT"), UNIQUE_LOCAL("unique-local"), MULTICAST("multicast"), RESERVED("reserved");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private AddressRanges() {
    }

    /** @return the kind of internal address this is, or empty for a public one */
    public static Optional<Kind> internal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(b, 0);
        }
        if (address instanceof Inet6Address) {
            return ipv6(b);
        }
        return Optional.of(Kind.RESERVED);
    }

    private static Optional<Kind> ipv4(byte[] b, int at) {
        int a0 = b[at] & 0xff;
        int a1 = b[at + 1] & 0xff;
        int a2 = b[at + 2] & 0xff;
        if (a0 == 0) {
            return Optional.of(Kind.UNSPECIFIED); // 0.0.0.0/8: "this network", 0.0.0.0 reaches the host itself
        }
        if (a0 == 127) {
            return Optional.of(Kind.LOOPBACK);
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return Optional.of(Kind.PRIVATE);
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return Optional.of(Kind.SHARED);
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of(Kind.LINK_LOCAL); // the cloud metadata service lives at 169.254.169.254
        }
        if (a0 >= 224 && a0 <= 239) {
            return Optional.of(Kind.MULTICAST);
        }
        // 192.0.0.0/24 protocol assignments, 198.18.0.0/15 benchmarking, 240.0.0.0/4 and the broadcast address
        if ((a0 == 192 && a1 == 0 && a2 == 0) || (a0 == 198 && (a1 & 0xfe) == 18) || a0 >= 240) {
            return Optional.of(Kind.RESERVED);
        }
        return Optional.empty();
    }

    private static Optional<Kind> ipv6(byte[] b) {
        if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return ipv4(b, 12); // ::ffff:a.b.c.d
        }
        if (zeros(b, 0, 15)) {
            return Optional.of(b[15] == 1 ? Kind.LOOPBACK : Kind.UNSPECIFIED); // ::1 and ::
        }
        if (zeros(b, 0, 12)) {
            return ipv4(b, 12); // ::a.b.c.d, deprecated but still understood by some stacks
        }
        if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zeros(b, 4, 12)) {
            return ipv4(b, 12); // 64:ff9b::a.b.c.d, NAT64
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return ipv4(b, 2); // 2002:aabb:ccdd::/48, 6to4
        }
        int first = b[0] & 0xff;
        if (first == 0xff) {
            return Optional.of(Kind.MULTICAST);
        }
        if ((first & 0xfe) == 0xfc) {
            return Optional.of(Kind.UNIQUE_LOCAL); // fc00::/7
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0x80) {
            return Optional.of(Kind.LINK_LOCAL); // fe80::/10
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return Optional.of(Kind.PRIVATE); // fec0::/10, the withdrawn site-local range
        }
        return Optional.empty();
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
