package dev.kubefluent.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The character-scanning name checks of {@link Formats} accept exactly what the regular expressions of Kubernetes'
 * {@code apimachinery/pkg/util/validation/validation.go} accept, on hand-picked edge cases and on many generated
 * values drawn from the characters that matter (seeded, so a failure repeats).
 */
class FormatsRegexEquivalenceTest {

    private static final String DNS1123_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS1123_LABEL_RE = Pattern.compile(DNS1123_LABEL);
    private static final Pattern DNS1123_SUBDOMAIN_RE = Pattern.compile(DNS1123_LABEL + "(\\." + DNS1123_LABEL + ")*");
    private static final Pattern DNS1035_LABEL_RE = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern QUALIFIED_NAME_RE = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern IANA_SVC_NAME_RE = Pattern.compile("[-a-z0-9]+");
    private static final Pattern HAS_LETTER_RE = Pattern.compile(".*[a-z].*");
    private static final Pattern C_IDENTIFIER_ENV_RE = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final Pattern CONFIG_KEY_RE = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern PERCENT_RE = Pattern.compile("[0-9]+%");

    private static final String ALPHABET = "az09AZ-._/%é ";
    private static final List<String> EDGES = List.of("", "a", "-", ".", "a-", "-a", "a--b", "a.b", "a..b", ".a", "a.",
            "A", "1", "0a", "a_b", "_a", "a/b", "/a", "a/", "example.com/a", "Example.com/a", "x".repeat(63),
            "x".repeat(64), "x".repeat(15), "x".repeat(16), "%", "1%", "25%", "%1", "1.5%", "a%");

    private static List<String> values() {
        Random random = new Random(20261127L);
        List<String> values = new ArrayList<>(EDGES);
        for (int i = 0; i < 50_000; i++) {
            int length = random.nextInt(i % 10 == 0 ? 70 : 8);
            StringBuilder b = new StringBuilder(length);
            for (int j = 0; j < length; j++) {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            values.add(b.toString());
        }
        return values;
    }

    private static void assertSame(String what, Predicate<String> scanning, Predicate<String> regex) {
        List<String> differ = new ArrayList<>();
        for (String v : values()) {
            if (scanning.test(v) != regex.test(v)) {
                differ.add("\"" + v + "\"");
            }
        }
        assertThat(differ).as(what + ": values where the scanner and the regular expression disagree").isEmpty();
    }

    private static boolean qualifiedNameByRegex(String v) {
        if (v.isEmpty()) {
            return false;
        }
        int slash = v.indexOf('/');
        String name = slash < 0 ? v : v.substring(slash + 1);
        if (slash >= 0) {
            String prefix = v.substring(0, slash);
            if (prefix.isEmpty() || prefix.length() > 253 || !DNS1123_SUBDOMAIN_RE.matcher(prefix).matches()) {
                return false;
            }
        }
        return !name.isEmpty() && name.length() <= 63 && QUALIFIED_NAME_RE.matcher(name).matches();
    }

    @Test
    void dns_names_agree_with_the_regular_expressions() {
        assertSame("DNS-1123 label", Formats::isDns1123Label,
                v -> v.length() <= 63 && DNS1123_LABEL_RE.matcher(v).matches());
        assertSame("DNS-1123 subdomain", Formats::isDns1123Subdomain,
                v -> v.length() <= 253 && DNS1123_SUBDOMAIN_RE.matcher(v).matches());
        assertSame("DNS-1035 label", Formats::isDns1035Label,
                v -> v.length() <= 63 && DNS1035_LABEL_RE.matcher(v).matches());
    }

    @Test
    void label_keys_and_values_agree_with_the_regular_expressions() {
        assertSame("qualified name", Formats::isQualifiedName, FormatsRegexEquivalenceTest::qualifiedNameByRegex);
        assertSame("label value", Formats::isLabelValue,
                v -> v.isEmpty() || v.length() <= 63 && QUALIFIED_NAME_RE.matcher(v).matches());
    }

    @Test
    void port_names_env_names_config_keys_and_percentages_agree_with_the_regular_expressions() {
        assertSame("IANA service name", Formats::isIanaSvcName,
                v -> !v.isEmpty() && v.length() <= 15 && IANA_SVC_NAME_RE.matcher(v).matches()
                        && HAS_LETTER_RE.matcher(v).matches() && !v.startsWith("-") && !v.endsWith("-")
                        && !v.contains("--"));
        assertSame("environment variable name before 1.32", v -> Formats.isEnvVarName(v, KubeVersion.of(1, 31)),
                v -> !v.isEmpty() && C_IDENTIFIER_ENV_RE.matcher(v).matches());
        assertSame("ConfigMap key", Formats::isConfigKey,
                v -> !v.isEmpty() && v.length() <= 253 && CONFIG_KEY_RE.matcher(v).matches() && !v.equals(".")
                        && !v.startsWith(".."));
        assertSame("percentage", Formats::isPercent, v -> PERCENT_RE.matcher(v).matches());
    }

    @Test
    void the_generated_values_hold_valid_and_invalid_names_of_every_kind() {
        List<String> values = values();
        assertThat(values).filteredOn(Formats::isDns1123Subdomain).hasSizeGreaterThan(1000);
        assertThat(values).filteredOn(Formats::isQualifiedName).filteredOn(v -> v.contains("/")).isNotEmpty();
        assertThat(values).filteredOn(Formats::isIanaSvcName).hasSizeGreaterThan(100);
        assertThat(values).filteredOn(Formats::isPercent).isNotEmpty();
        assertThat(values).filteredOn(v -> !Formats.isLabelValue(v)).hasSizeGreaterThan(1000);
    }
}
