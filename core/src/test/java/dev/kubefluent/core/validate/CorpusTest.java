package dev.kubefluent.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CorpusTest {

    static Stream<Corpus.Case> invalid() {
        return Corpus.cases("invalid");
    }

    static Stream<Corpus.Case> valid() {
        return Corpus.cases("valid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void every_invalid_manifest_is_reported_with_its_rule_and_path(Corpus.Case c) {
        assertThat(c.rule()).as("header '# rule:' of " + c.file()).isNotBlank();
        assertThat(c.path()).as("header '# path:' of " + c.file()).isNotNull();

        ValidationReport report = c.report();

        assertThat(report.violations())
                .as("violations of " + c.file())
                .anySatisfy(v -> {
                    assertThat(v.ruleId()).isEqualTo(c.rule());
                    assertThat(v.path()).isEqualTo(c.path());
                    if (c.header().containsKey("message")) {
                        assertThat(v.message()).isEqualTo(c.header().get("message"));
                    }
                    if (c.header().containsKey("severity")) {
                        assertThat(v.severity()).isEqualTo(Severity.valueOf(c.header().get("severity")));
                    }
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void every_valid_manifest_has_no_error_under_the_default_profile(Corpus.Case c) {
        assertThat(Validator.defaults().validate(c.set()).errors()).as(c.file()).isEmpty();
    }

    @Test
    void corpus_is_large_enough() {
        assertThat(invalid().count()).isGreaterThanOrEqualTo(60);
        assertThat(valid().count()).isGreaterThanOrEqualTo(15);
    }
    @Test
    void every_rule_has_an_invalid_manifest() {
        Set<String> covered = invalid().map(Corpus.Case::rule).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (Rule r : Rule.values()) {
            if (!covered.contains(r.id())) {
                missing.add(r.id());
            }
        }
        assertThat(missing).as("rules without a corpus manifest").isEmpty();
    }
}
