package dev.kubefluent.core.validate;

import java.math.BigDecimal;

/**
 * Kubernetes resource quantities ({@code 250m}, {@code 512Mi}, {@code 1e3}) read without regular expressions and with
 * one or two {@link BigDecimal}s per value: the exact amount that fabric8's {@code Quantity.getAmountInBytes}
 * computes, which allocates about ten times more and dominated the validator's allocations.
 */
final class Quantities {

    private Quantities() {
    }

    /**
     * Checks the quantity grammar of {@code k8s.io/apimachinery/pkg/api/resource}: an optional sign, digits with an
     * optional fraction, and an optional suffix ({@code Ki..Ei}, {@code n u m k M G T P E} or an exponent
     * {@code e3}/{@code E-2}).
     *
     * @param text the text, may be {@code null}
     * @return whether it is a quantity
     */
    static boolean isQuantity(String text) {
        return text != null && suffixStart(text) >= 0;
    }

    /**
     * The exact amount of a quantity in its base unit (cores, bytes).
     *
     * @param text the text, may be {@code null}
     * @return the amount, or {@code null} when the text is not a quantity or its exponent is out of range
     */
    static BigDecimal amount(String text) {
        if (text == null) {
            return null;
        }
        int s = suffixStart(text);
        if (s < 0) {
            return null;
        }
        BigDecimal number = new BigDecimal(text.substring(0, s));
        int len = text.length();
        if (s == len) {
            return number;
        }
        char c = text.charAt(s);
        if (s + 2 == len && text.charAt(s + 1) == 'i') {
            int power = "KMGTPE".indexOf(c) + 1;
            return number.multiply(BigDecimal.valueOf(1L << (10 * power)));
        }
        int exponent;
        if (c == 'e' || c == 'E') {
            if (s + 1 == len) {
                exponent = 18; // "E" alone is exa
            } else {
                try {
                    exponent = Integer.parseInt(text, s + 1, len, 10);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        } else {
            exponent = switch (c) {
                case 'n' -> -9;
                case 'u' -> -6;
                case 'm' -> -3;
                case 'k' -> 3;
                case 'M' -> 6;
                case 'G' -> 9;
                case 'T' -> 12;
                default -> 15; // 'P', the only suffix left
            };
        }
        try {
            return number.scaleByPowerOfTen(exponent);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /**
     * Scans the number part.
     *
     * @return the index where the suffix starts ({@code text.length()} without a suffix), or {@code -1} when the
     *     text is not a quantity
     */
    private static int suffixStart(String text) {
        int len = text.length();
        int i = 0;
        if (i < len && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < len && isDigit(text.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < len && text.charAt(i) == '.') {
            i++;
            while (i < len && isDigit(text.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits == 0 && fracDigits == 0) {
            return -1;
        }
        return validSuffix(text, i) ? i : -1;
    }

    private static boolean validSuffix(String text, int from) {
        int rest = text.length() - from;
        if (rest == 0) {
            return true;
        }
        char c = text.charAt(from);
        if (rest == 1) {
            return "numkMGTPE".indexOf(c) >= 0;
        }
        if (rest == 2 && text.charAt(from + 1) == 'i' && "KMGTPE".indexOf(c) >= 0) {
            return true;
        }
        if (c != 'e' && c != 'E') {
            return false;
        }
        int i = from + 1;
        if (text.charAt(i) == '+' || text.charAt(i) == '-') {
            i++;
        }
        if (i == text.length()) {
            return false;
        }
        for (; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
