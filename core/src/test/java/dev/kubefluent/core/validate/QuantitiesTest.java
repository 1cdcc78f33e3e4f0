package dev.kubefluent.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link Quantities} accepts exactly the quantity grammar of {@code k8s.io/apimachinery/pkg/api/resource} (as a
 * regular expression) and computes the same amounts as fabric8's {@code Quantity.getAmountInBytes}, on hand-picked
 * values and on many generated ones (seeded, so a failure repeats).
 */
class QuantitiesTest {

    private static final Pattern QUANTITY_RE = Pattern.compile(
            "[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");
    private static final List<String> EDGES = List.of("", "0", "1", "250m", "1.5", "512Mi", "2Gi", "1Ei", "1e3",
            "1E3", "1E", "1e", "1e+", "1e-2", "1E+2", ".5", "1.", ".", "+1", "-1", "+", "-", "m", "Mi", "1Mi2", "1mi",
            "1Ki", "1k", "1K", "1ki", "100n", "3u", "7T", "2P", "1.25Gi", "0.5Ki", "007", "1e07", "1 ", " 1", "1.2.3");
    private static final String ALPHABET = "0123.+-eEnumkKMGTPi ";

    private static List<String> values() {
        Random random = new Random(20261127L);
        List<String> values = new ArrayList<>(EDGES);
        for (int i = 0; i < 50_000; i++) {
            int length = 1 + random.nextInt(6);
            StringBuilder b = new StringBuilder(length);
            for (int j = 0; j < length; j++) {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            values.add(b.toString());
        }
        return values;
    }

    @Test
    void acceptsExactlyTheGrammar() {
        List<String> differ = new ArrayList<>();
        for (String v : values()) {
            if (Quantities.isQuantity(v) != QUANTITY_RE.matcher(v).matches()) {
                differ.add("\"" + v + "\"");
            }
        }
        assertThat(differ).as("values where the scanner and the grammar disagree").isEmpty();
        assertThat(Quantities.isQuantity(null)).isFalse();
    }

    @Test
    void computesTheSameAmountsAsFabric8() {
        List<String> differ = new ArrayList<>();
        int compared = 0;
        for (String v : values()) {
            if (!QUANTITY_RE.matcher(v).matches() || isUpperCaseExponent(v) || v.endsWith("Ei")) {
                continue;
            }
            BigDecimal ours = Quantities.amount(v);
            BigDecimal theirs = Quantity.getAmountInBytes(new Quantity(v));
            compared++;
            if (ours == null || ours.compareTo(theirs) != 0) {
                differ.add(v + ": " + ours + " != " + theirs);
            }
        }
        assertThat(differ).as("quantities whose amounts differ from fabric8's").isEmpty();
        assertThat(compared).isGreaterThan(1_000);
    }

    /**
     * Where fabric8 8.0 differs from Kubernetes, so the comparison leaves these out: it computes {@code Ei} through a
     * {@code double} ({@code 1Ei} = 1.152921504606847E+18, not 2<sup>60</sup>), and it reads {@code 1E3} as 1 exa
     * followed by a number; Kubernetes reads it as 1 × 10³, as we do ({@link #readsAmountsAsKubernetesDoes()}).
     */
    private static boolean isUpperCaseExponent(String v) {
        int e = v.indexOf('E');
        return e >= 0 && e < v.length() - 1 && v.charAt(e + 1) != 'i';
    }

    @Test
    void readsAmountsAsKubernetesDoes() {
        assertThat(Quantities.amount("250m")).isEqualByComparingTo("0.25");
        assertThat(Quantities.amount("512Mi")).isEqualByComparingTo("536870912");
        assertThat(Quantities.amount("1.5Gi")).isEqualByComparingTo("1610612736");
        assertThat(Quantities.amount("1E3")).isEqualByComparingTo("1000");
        assertThat(Quantities.amount("2e-3")).isEqualByComparingTo("0.002");
        assertThat(Quantities.amount("1E")).isEqualByComparingTo("1000000000000000000");
        assertThat(Quantities.amount("1Ei")).isEqualByComparingTo(BigDecimal.valueOf(1L << 60));
        assertThat(Quantities.amount("100n")).isEqualByComparingTo("0.0000001");
        assertThat(Quantities.amount("-1")).isEqualByComparingTo("-1");
    }

    @Test
    void rejectsWhatIsNotAQuantity() {
        assertThat(Quantities.amount("1mi")).isNull();
        assertThat(Quantities.amount("")).isNull();
        assertThat(Quantities.amount(null)).isNull();
        assertThat(Quantities.amount("1e99999999999")).isNull();
        assertThat(Quantities.amount("1e2147483648")).isNull();
    }
}
