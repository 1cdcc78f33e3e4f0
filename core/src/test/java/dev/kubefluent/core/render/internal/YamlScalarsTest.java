package dev.kubefluent.core.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubefluent.core.render.internal.YamlScalars.Style;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamlScalarsTest {

    @ParameterizedTest
    @ValueSource(strings = {"yes", "Yes", "YES", "no", "on", "off", "y", "N"})
    void recognises_the_booleans_only_yaml_1_1_has(String s) {
        assertThat(YamlScalars.isYaml11OnlyBoolean(s)).isTrue();
        assertThat(YamlScalars.styleOf(s)).isEqualTo(Style.DOUBLE_QUOTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "false", "yesterday", "onion", "nope", ""})
    void other_words_are_not_yaml_1_1_only_booleans(String s) {
        assertThat(YamlScalars.isYaml11OnlyBoolean(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0755", "0644", "-0755", "00"})
    void recognises_octal_looking_integers(String s) {
        assertThat(YamlScalars.isYaml11Octal(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "755", "0o755", "0x1F", "0855", "0.5"})
    void other_numbers_are_not_octal_looking(String s) {
        assertThat(YamlScalars.isYaml11Octal(s)).isFalse();
    }

    @Test
    void picks_a_literal_block_for_multi_line_text_and_quotes_it_when_a_block_cannot_keep_it() {
        assertThat(YamlScalars.styleOf("a\nb")).isEqualTo(Style.LITERAL);
        assertThat(YamlScalars.styleOf(" a\nb")).isEqualTo(Style.DOUBLE_QUOTED);
        assertThat(YamlScalars.styleOf("a \nb")).isEqualTo(Style.DOUBLE_QUOTED);
        assertThat(YamlScalars.styleOf("a\r\nb")).isEqualTo(Style.DOUBLE_QUOTED);
        assertThat(YamlScalars.styleOf("\n")).isEqualTo(Style.DOUBLE_QUOTED);
    }

    @Test
    void escapes_double_quoted_strings_the_way_yaml_and_json_both_read() {
        StringBuilder out = new StringBuilder();

        YamlScalars.appendDoubleQuoted(out, "a\"b\\c\nd\te\u0001f\u2028");

        assertThat(out).hasToString("\"a\\\"b\\\\c\\nd\\te\\u0001f\\u2028\"");
    }

    @Test
    void a_long_string_is_judged_like_a_short_one() {
        String longPlain = "x".repeat(100);
        String longNumber = "1".repeat(100);

        assertThat(YamlScalars.styleOf(longPlain)).isEqualTo(Style.PLAIN);
        assertThat(YamlScalars.styleOf(longNumber)).isEqualTo(Style.DOUBLE_QUOTED);
    }

    @Test
    void the_shortcut_for_long_words_decides_as_the_full_rule_does() {
        String alphabet = "aZy.0_/-: 9e+#IN";
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 20_000; i++) {
            int length = 1 + random.nextInt(14);
            StringBuilder b = new StringBuilder(length);
            for (int k = 0; k < length; k++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertThat(YamlScalars.styleOf(s)).as(s).isEqualTo(YamlScalars.computeStyle(s));
        }
        for (String word : new String[] {"infinity", "Infinity", "INFINITY", "apiVersion", "app.kubernetes.io/name",
                "Infinity1", "nullnullnull", "yesyesyes", "e10000000"}) {
            assertThat(YamlScalars.styleOf(word)).as(word).isEqualTo(YamlScalars.computeStyle(word));
        }
    }
}
