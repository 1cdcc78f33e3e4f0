package dev.kubefluent.core.validate;

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

    private static final String DNS1123_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS1123_LABEL_RE = Pattern.compile(DNS1123_LABEL);
    private static final Pattern DNS1123_SUBDOMAIN_RE =
            Pattern.compile(DNS1123_LABEL + "(\\." + DNS1123_LABEL + ")*");
    private static final Pattern DNS1035_LABEL_RE = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern QUALIFIED_NAME_RE = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern IANA_SVC_NAME_RE = Pattern.compile("[-a-z0-9]+");
    private static final Pattern HAS_LETTER_RE = Pattern.compile(".*[a-z].*");
    private static final Pattern C_IDENTIFIER_ENV_RE = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final Pattern CONFIG_KEY_RE = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern PERCENT_RE = Pattern.compile("[0-9]+%");
    private static final Pattern QUANTITY_RE = Pattern.compile(
            "[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");
    // The reference grammar of github.com/distribution/reference (registry, path components, tag, digest).
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*"
            + "|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?";
    private static final Pattern IMAGE_RE = Pattern.compile(
            "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*"
                    + "(?::[\\w][\\w.-]{0,127})?"
                    + "(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?");

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
        return value != null && value.length() <= 63 && DNS1123_LABEL_RE.matcher(value).matches();
    }

    /**
     * A DNS-1123 subdomain: DNS-1123 labels joined by {@code .}, at most 253 characters. Used for most object names.
     *
     * @param value the value, may be {@code null}
     * @return whether it is a DNS-1123 subdomain
     */
    public static boolean isDns1123Subdomain(String value) {
        return value != null && value.length() <= 253 && DNS1123_SUBDOMAIN_RE.matcher(value).matches();
    }

    /**
     * A DNS-1035 label: like a DNS-1123 label but starting with a letter. Used for Service names.
     *
     * @param value the value, may be {@code null}
     * @return whether it is a DNS-1035 label
     */
    public static boolean isDns1035Label(String value) {
        return value != null && value.length() <= 63 && DNS1035_LABEL_RE.matcher(value).matches();
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
        return !name.isEmpty() && name.length() <= 63 && QUALIFIED_NAME_RE.matcher(name).matches();
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
                && (value.isEmpty() || value.length() <= 63 && QUALIFIED_NAME_RE.matcher(value).matches());
    }

    /**
     * An IANA service name, the form of named ports: at most 15 lower-case alphanumerics and {@code -}, with at least
     * one letter, and no leading, trailing or doubled {@code -}.
     *
     * @param value the value, may be {@code null}
     * @return whether it is an IANA service name
     */
    public static boolean isIanaSvcName(String value) {
        return value != null && !value.isEmpty() && value.length() <= 15
                && IANA_SVC_NAME_RE.matcher(value).matches()
                && HAS_LETTER_RE.matcher(value).matches()
                && !value.startsWith("-") && !value.endsWith("-") && !value.contains("--");
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
        return C_IDENTIFIER_ENV_RE.matcher(value).matches();
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
                && CONFIG_KEY_RE.matcher(value).matches()
                && !value.equals(".") && !value.startsWith("..");
    }

    /**
     * A percentage such as {@code 25%}, as accepted for maxSurge, maxUnavailable and PDBs.
     *
     * @param value the value, may be {@code null}
     * @return whether it is a percentage
     */
    public static boolean isPercent(String value) {
        return value != null && PERCENT_RE.matcher(value).matches();
    }

    /**
     * A resource quantity such as {@code 250m}, {@code 1}, {@code 1.5}, {@code 512Mi} or {@code 1e3}.
     *
     * @param value the value, may be {@code null}
     * @return whether it parses as a Kubernetes quantity
     */
    public static boolean isQuantity(String value) {
        return value != null && QUANTITY_RE.matcher(value).matches();
    }

    /**
     * A container image reference: {@code [registry[:port]/]path[:tag][@digest]}, following the reference grammar
     * of the container tooling. Stricter than the API server, which only checks that the image is not blank.
     *
     * @param value the value, may be {@code null}
     * @return whether it is a well-formed image reference
     */
    public static boolean isImageReference(String value) {
        return value != null && value.length() <= 4096 && IMAGE_RE.matcher(value).matches();
    }
}
