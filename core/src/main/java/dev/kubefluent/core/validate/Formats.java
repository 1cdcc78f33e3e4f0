package dev.kubefluent.core.validate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The value formats of Kubernetes' {@code apimachinery/pkg/util/validation}, as predicates.
 *
 * <p>The validator's rules and the DSL's typed value factories use these same checks, so a value the DSL accepts is
 * one the API server accepts.
 *
 * @since 0.1.0
 */
public final class Formats {

    // The name formats below are scanned character by character rather than matched with regular expressions: they
    // run for every name, label and port of every manifest, and FormatsTest checks them against the regular
    // expressions of apimachinery's validation.go on many generated values.
    // The reference grammar of github.com/distribution/reference (registry, path components, tag, digest).
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*"
            + "|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?";
    private static final Pattern IMAGE_RE = Pattern.compile(
            "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*"
                    + "(?::[\\w][\\w.-]{0,127})?"
                    + "(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?");

    /**
     * Image references already matched: a program builds the same few images again and again, and the backtracking
     * match of {@link #IMAGE_RE} costs about as much as the rest of a container's checks. Bounded.
     */
    private static final Map<String, Boolean> IMAGES_SEEN = new ConcurrentHashMap<>();
    private static final int IMAGES_SEEN_LIMIT = 1024;

    private Formats() {
        throw new UnsupportedOperationException("no instances");
    }

    /**
     * A DNS-1123 label: lower-case alphanumerics and {@code -}, starting and ending alphanumeric, at most 63
     * characters. Used for namespaces and container, volume and Service port names.
     *
     * @param value the value, may be {@code null}
     * @return whether it is a DNS-1123 label
     */
    public static boolean isDns1123Label(String value) {
        return value != null && value.length() <= 63 && isDns1123LabelAt(value, 0, value.length());
    }

    /**
     * A DNS-1123 subdomain: DNS-1123 labels joined by {@code .}, at most 253 characters. Used for most object names.
     *
     * @param value the value, may be {@code null}
     * @return whether it is a DNS-1123 subdomain
     */
    public static boolean isDns1123Subdomain(String value) {
        if (value == null || value.isEmpty() || value.length() > 253) {
            return false;
        }
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || value.charAt(i) == '.') {
                if (!isDns1123LabelAt(value, start, i)) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    /**
     * A DNS-1035 label: like a DNS-1123 label but starting with a letter. Used for Service names.
     *
     * @param value the value, may be {@code null}
     * @return whether it is a DNS-1035 label
     */
    public static boolean isDns1035Label(String value) {
        return value != null && value.length() <= 63 && isDns1123LabelAt(value, 0, value.length())
                && isLower(value.charAt(0));
    }

    /**
     * A qualified name, the form of label and annotation keys: an optional DNS-1123 subdomain prefix and {@code /},
     * then a name of at most 63 alphanumerics, {@code -}, {@code _} and {@code .}, starting and ending alphanumeric.
     *
     * @param value the value, may be {@code null}
     * @return whether it is a qualified name
     */
    public static boolean isQualifiedName(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        int slash = value.indexOf('/');
        String name = value;
        if (slash >= 0) {
            String prefix = value.substring(0, slash);
            name = value.substring(slash + 1);
            if (prefix.isEmpty() || !isDns1123Subdomain(prefix)) {
                return false;
            }
        }
        return !name.isEmpty() && name.length() <= 63 && isQualifiedNamePart(name);
    }

    /**
     * A label value: empty, or at most 63 alphanumerics, {@code -}, {@code _} and {@code .}, starting and ending
     * alphanumeric.
     *
     * @param value the value, may be {@code null}
     * @return whether it is a valid label value
     */
    public static boolean isLabelValue(String value) {
        return value != null
                && (value.isEmpty() || value.length() <= 63 && isQualifiedNamePart(value));
    }

    /**
     * An IANA service name, the form of named ports: at most 15 lower-case alphanumerics and {@code -}, with at least
     * one letter, and no leading, trailing or doubled {@code -}.
     *
     * @param value the value, may be {@code null}
     * @return whether it is an IANA service name
     */
    public static boolean isIanaSvcName(String value) {
        if (value == null || value.isEmpty() || value.length() > 15
                || value.charAt(0) == '-' || value.charAt(value.length() - 1) == '-' || value.contains("--")) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isLower(c)) {
                letter = true;
            } else if (!isDigit(c) && c != '-') {
                return false;
            }
        }
        return letter;
    }

    /**
     * A port number, 1 to 65535.
     *
     * @param port the port
     * @return whether it is in range
     */
    public static boolean isPortNumber(int port) {
        return port >= 1 && port <= 65535;
    }

    /**
     * An environment variable name as the API server of the given version accepts it: {@code [-._a-zA-Z][-._a-zA-Z0-9]*}
     * before 1.32; from 1.32 (RelaxedEnvironmentVariableValidation on by default) any printable ASCII except
     * {@code =}.
     *
     * @param value   the name, may be {@code null}
     * @param version the target Kubernetes version; must not be {@code null}
     * @return whether the name is accepted
     */
    public static boolean isEnvVarName(String value, KubeVersion version) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        if (version.isAtLeast(KubeVersion.of(1, 32))) {
            return value.chars().allMatch(c -> c >= 32 && c <= 126 && c != '=');
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(isLetter(c) || c == '-' || c == '.' || c == '_' || i > 0 && isDigit(c))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A ConfigMap or Secret key: at most 253 alphanumerics, {@code -}, {@code _} and {@code .}, and not {@code .},
     * {@code ..} or starting with {@code ..}.
     *
     * @param value the key, may be {@code null}
     * @return whether it is a valid key
     */
    public static boolean isConfigKey(String value) {
        return value != null && !value.isEmpty() && value.length() <= 253
                && allConfigKeyChars(value)
                && !value.equals(".") && !value.startsWith("..");
    }

    /**
     * A percentage such as {@code 25%}, as accepted for maxSurge, maxUnavailable and PDBs.
     *
     * @param value the value, may be {@code null}
     * @return whether it is a percentage
     */
    public static boolean isPercent(String value) {
        if (value == null || value.length() < 2 || value.charAt(value.length() - 1) != '%') {
            return false;
        }
        for (int i = 0; i < value.length() - 1; i++) {
            if (!isDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A resource quantity such as {@code 250m}, {@code 1}, {@code 1.5}, {@code 512Mi} or {@code 1e3}.
     *
     * @param value the value, may be {@code null}
     * @return whether it parses as a Kubernetes quantity
     */
    public static boolean isQuantity(String value) {
        return Quantities.isQuantity(value);
    }

    /**
     * A container image reference: {@code [registry[:port]/]path[:tag][@digest]}, following the reference grammar
     * of the container tooling. Stricter than the API server, which only checks that the image is not blank.
     *
     * @param value the value, may be {@code null}
     * @return whether it is a well-formed image reference
     */
    public static boolean isImageReference(String value) {
        if (value == null || value.length() > 4096) {
            return false;
        }
        if (IMAGES_SEEN.containsKey(value)) {
            return true;
        }
        boolean valid = IMAGE_RE.matcher(value).matches();
        if (valid && IMAGES_SEEN.size() < IMAGES_SEEN_LIMIT) {
            IMAGES_SEEN.put(value, Boolean.TRUE);
        }
        return valid;
    }

    /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?} on {@code value[from, to)}. */
    private static boolean isDns1123LabelAt(String value, int from, int to) {
        if (to <= from || value.charAt(from) == '-' || value.charAt(to - 1) == '-') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (!isLower(c) && !isDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]}. */
    private static boolean isQualifiedNamePart(String value) {
        int last = value.length() - 1;
        if (!isAlphanumeric(value.charAt(0)) || !isAlphanumeric(value.charAt(last))) {
            return false;
        }
        for (int i = 1; i < last; i++) {
            char c = value.charAt(i);
            if (!isAlphanumeric(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** {@code [-._a-zA-Z0-9]+} without the length. */
    private static boolean allConfigKeyChars(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isAlphanumeric(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAlphanumeric(char c) {
        return isLetter(c) || isDigit(c);
    }
}
