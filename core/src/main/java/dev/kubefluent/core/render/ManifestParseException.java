package dev.kubefluent.core.render;

import dev.kubefluent.core.KubefluentException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when YAML cannot be read into manifests: a syntax error, a document without {@code apiVersion} or
 * {@code kind}, an unknown field, a value of the wrong type, a duplicate key or a duplicate resource. Every problem of
 * the input is reported at once, one per line, each with its document, line and field path:
 *
 * <pre>
 * 2 errors in YAML:
 *   document 1, line 12: Deployment "web": spec.template.spec.contianers is not a field of PodSpec (did you mean `containers`?)
 *   document 2, line 3: Service "web": spec.ports[0].port must be an integer but was: "http"
 * </pre>
 *
 * <p>The message never contains the values of a {@code Secret}.
 *
 * @since 0.1.0
 */
public class ManifestParseException extends KubefluentException {

    private static final long serialVersionUID = 1L;

    private final transient List<ParseProblem> problems;
    private final transient List<ParseProblem> warnings;

    /**
     * Creates the exception.
     *
     * @param problems the errors, at least one; must not be {@code null}
     * @param warnings the warnings found in the same input; must not be {@code null}
     * @throws IllegalArgumentException if there is no error
     */
    public ManifestParseException(List<ParseProblem> problems, List<ParseProblem> warnings) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
    }

    private static String describe(List<ParseProblem> problems) {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty");
        }
        String header = problems.size() == 1 ? "1 error in YAML:" : problems.size() + " errors in YAML:";
        return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n", header + "\n", ""));
    }

    /**
     * Returns every error, in input order.
     *
     * @return the errors, at least one
     */
    public List<ParseProblem> problems() {
        return problems;
    }

    /**
     * Returns the warnings found in the same input (unknown kinds, YAML 1.1 traps).
     *
     * @return the warnings, possibly none
     */
    public List<ParseProblem> warnings() {
        return warnings;
    }
}
