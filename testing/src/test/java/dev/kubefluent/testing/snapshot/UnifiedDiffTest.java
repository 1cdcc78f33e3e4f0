package dev.kubefluent.testing.snapshot;

import static org.assertj.core.api.BDDAssertions.then;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("UnifiedDiff")
class UnifiedDiffTest {

    private static String numbered(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }

    @Test
    @DisplayName("splits distant changes into hunks with three lines of context")
    void separate_hunks() {
        // GIVEN
        String expected = numbered(1, 20);
        String actual = expected.replace("line 2\n", "line two\n").replace("line 17\n", "").concat("line 21\n");
        // WHEN
        String diff = UnifiedDiff.between("a.yaml", expected, actual);
        // THEN
        then(diff).isEqualTo("""
                --- a.yaml
                +++ actual output
                @@ -1,5 +1,5 @@
                 line 1
                -line 2
                +line two
                 line 3
                 line 4
                 line 5
                @@ -14,7 +14,7 @@
                 line 14
                 line 15
                 line 16
                -line 17
                 line 18
                 line 19
                 line 20
                +line 21""");
    }

    @Test
    @DisplayName("marks a missing final newline as diff does")
    void missing_final_newline() {
        // WHEN
        String diff = UnifiedDiff.between("a.yaml", "a\nb\n", "a\nb");
        // THEN
        then(diff).isEqualTo("""
                --- a.yaml
                +++ actual output
                @@ -1,2 +1,2 @@
                 a
                -b
                +b
                \\ No newline at end of file""");
    }

    @Test
    @DisplayName("diffs against an empty snapshot")
    void empty_expected() {
        // WHEN
        String diff = UnifiedDiff.between("a.yaml", "", "a\n");
        // THEN
        then(diff).isEqualTo("--- a.yaml\n+++ actual output\n@@ -0,0 +1,1 @@\n+a");
    }

    @Test
    @DisplayName("redacts values nested under a Secret's data, whatever the quoting and the line count")
    void redacts_nested_and_quoted_values() {
        // GIVEN
        List<String> lines = List.of("apiVersion: v1", "kind: \"Secret\"", "data:", "  \"tls.crt\": |", "    LS0tLS1",
                "    Q0VSVA==", "  key: 'abc'", "stringData: {a: b}", "type: Opaque", "---", "kind: ConfigMap",
                "data:", "  key: visible");
        // WHEN
        List<String> redacted = SecretRedactor.redact(lines);
        // THEN
        then(redacted).containsExactly("apiVersion: v1", "kind: \"Secret\"", "data:", "  \"tls.crt\": <redacted>",
                "    <redacted>", "    <redacted>", "  key: <redacted>", "stringData: <redacted>", "type: Opaque", "---",
                "kind: ConfigMap", "data:", "  key: visible");
    }
}
