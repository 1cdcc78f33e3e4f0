package dev.kubefluent.core.validate;

import java.math.BigInteger;

/**
 * An IPv4 or IPv6 CIDR block, parsed without DNS lookups the way the API server parses the legacy CIDR fields such as
 * a NetworkPolicy's {@code ipBlock} ({@code netutils.ParseCIDRSloppy}, strict IP validation being off by default):
 * IPv4 octets may have leading zeros, the prefix length is decimal digits only, host bits may be set, and an IPv6
 * address may end in a dotted IPv4 address.
 *
 * @param address the address as written, {@code bits} wide
 * @param bits    32 for IPv4, 128 for IPv6
 * @param prefix  the prefix length, 0 to {@code bits}
 */
record Cidr(BigInteger address, int bits, int prefix) {

    private static final BigInteger V4_MAPPED = BigInteger.valueOf(0xffffL).shiftLeft(32);
    private static final BigInteger V4_MASK = BigInteger.valueOf(0xffffffffL);

    static Cidr parse(String text) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String length = text.substring(slash + 1);
        if (length.isEmpty() || length.length() > 5 || !length.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int prefix = Integer.parseInt(length);
        String ip = text.substring(0, slash);
        boolean v6 = ip.indexOf(':') >= 0;
        BigInteger address = v6 ? v6(ip) : v4(ip);
        int bits = v6 ? 128 : 32;
        if (address == null || prefix > bits) {
            return null;
        }
        return new Cidr(address, bits, prefix);
    }

    private static BigInteger v4(String ip) {
        String[] parts = ip.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        long value = 0;
        for (String p : parts) {
            // Leading zeros are accepted (and ignored) by the sloppy parser the API server still uses.
            if (p.isEmpty() || p.length() > 10 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            long octet = Long.parseLong(p);
            if (octet > 255) {
                return null;
            }
            value = value << 8 | octet;
        }
        return BigInteger.valueOf(value);
    }

    private static BigInteger v6(String ip) {
        int lastColon = ip.lastIndexOf(':');
        if (ip.indexOf('.', lastColon) < 0) {
            return groups(ip);
        }
        // A dotted IPv4 tail stands for the last two 16-bit groups.
        BigInteger tail = v4(ip.substring(lastColon + 1));
        if (tail == null) {
            return null;
        }
        long v = tail.longValue();
        return groups(ip.substring(0, lastColon + 1) + Long.toHexString(v >>> 16) + ":" + Long.toHexString(v & 0xffff));
    }

    private static BigInteger groups(String ip) {
        int gap = ip.indexOf("::");
        String[] head;
        String[] tail;
        if (gap >= 0) {
            if (ip.indexOf("::", gap + 1) >= 0) {
                return null;
            }
            head = ip.substring(0, gap).isEmpty() ? new String[0] : ip.substring(0, gap).split(":", -1);
            tail = ip.substring(gap + 2).isEmpty() ? new String[0] : ip.substring(gap + 2).split(":", -1);
            if (head.length + tail.length > 7) {
                return null;
            }
        } else {
            head = ip.split(":", -1);
            tail = new String[0];
            if (head.length != 8) {
                return null;
            }
        }
        BigInteger value = BigInteger.ZERO;
        int groups = 0;
        for (String g : head) {
            value = group(value, g);
            if (value == null) {
                return null;
            }
            groups++;
        }
        for (int i = groups + tail.length; i < 8; i++) {
            value = value.shiftLeft(16);
        }
        for (String g : tail) {
            value = group(value, g);
            if (value == null) {
                return null;
            }
        }
        return value;
    }

    private static BigInteger group(BigInteger value, String g) {
        if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return null;
        }
        return value.shiftLeft(16).or(BigInteger.valueOf(Integer.parseInt(g, 16)));
    }

    /** Whether this is an IPv4 block, or an IPv6 block written with an IPv4-mapped address ({@code ::ffff:a.b.c.d}). */
    private boolean isV4OrMapped() {
        return bits == 32 || address.shiftRight(32).equals(V4_MAPPED.shiftRight(32));
    }

    /**
     * Whether {@code other} is a strict subset of this block, as the API server decides for {@code ipBlock.except}:
     * the other block's network address lies inside this block and its prefix is longer. Blocks of different IP
     * families never contain each other; an IPv4-mapped IPv6 block counts as IPv4, as Go's {@code IPNet.Contains}
     * sees it.
     */
    boolean contains(Cidr other) {
        if (prefix >= other.prefix) {
            return false;
        }
        boolean v4 = isV4OrMapped();
        if (v4 != other.isV4OrMapped()) {
            return false;
        }
        if (!v4) {
            return sameLeadingBits(address, other.address, 128, prefix);
        }
        int networkBits = bits == 32 ? prefix : Math.max(0, prefix - 96);
        return sameLeadingBits(address.and(V4_MASK), other.address.and(V4_MASK), 32, networkBits);
    }

    private static boolean sameLeadingBits(BigInteger a, BigInteger b, int width, int leading) {
        int shift = width - leading;
        return a.shiftRight(shift).equals(b.shiftRight(shift));
    }
}
