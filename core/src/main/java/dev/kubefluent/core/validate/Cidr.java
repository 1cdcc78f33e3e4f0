package dev.kubefluent.core.validate;

import java.math.BigInteger;

/** An IPv4 or IPv6 CIDR block, parsed without DNS lookups. */
record Cidr(BigInteger address, int bits, int prefix) {

    static Cidr parse(String text) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return null;
        }
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        String ip = text.substring(0, slash);
        BigInteger address = ip.indexOf(':') >= 0 ? v6(ip) : v4(ip);
        int bits = ip.indexOf(':') >= 0 ? 128 : 32;
        if (address == null || prefix < 0 || prefix > bits) {
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
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return null;
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return null;
            }
            value = value << 8 | octet;
        }
        return BigInteger.valueOf(value);
    }

    private static BigInteger v6(String ip) {
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
        if (g.isEmpty() || g.length() > 4) {
            return null;
        }
        try {
            return value.shiftLeft(16).or(BigInteger.valueOf(Integer.parseInt(g, 16)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether {@code other} lies strictly inside this block (same family, longer prefix, same leading bits). */
    boolean contains(Cidr other) {
        if (other.bits != bits || other.prefix <= prefix) {
            return false;
        }
        int shift = bits - prefix;
        return other.address.shiftRight(shift).equals(address.shiftRight(shift));
    }
}
