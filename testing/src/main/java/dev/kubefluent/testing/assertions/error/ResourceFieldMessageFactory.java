package dev.kubefluent.testing.assertions.error;

import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.core.validate.Violation;
import java.util.Collection;
import java.util.stream.Collectors;
import org.assertj.core.error.BasicErrorMessageFactory;

/**
 * The common shape of a message about one field of one resource: the format's first two {@code %s} are the resource
 * ({@code Deployment "web"}) and the field path, both printed without quotes.
 */
abstract class ResourceFieldMessageFactory extends BasicErrorMessageFactory {

    ResourceFieldMessageFactory(String format, ResourceRef resource, String path, Object... arguments) {
        super(format, prepend(unquotedString(resource.toString()), unquotedString(path), arguments));
    }

    private static Object[] prepend(Object first, Object second, Object[] rest) {
        Object[] all = new Object[rest.length + 2];
        all[0] = first;
        all[1] = second;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }

    /** Prints each element on its own line, indented under the message's previous line. */
    static CharSequence lines(Collection<?> elements) {
        if (elements.isEmpty()) {
            return unquotedString("[]");
        }
        return unquotedString(elements.stream().map(e -> "- " + e).collect(Collectors.joining("%n  ".formatted())));
    }

    /** Prints each violation on its own line with its rule id first: {@code - [pss-privileged] Deployment "web": ...}. */
    static CharSequence violationLines(Collection<Violation> violations) {
        if (violations.isEmpty()) {
            return unquotedString("[]");
        }
        return unquotedString(violations.stream().map(v -> "- [" + v.ruleId() + "] " + v)
                .collect(Collectors.joining("%n  ".formatted())));
    }

    /** Prints text as it is, without the quotes the representation would add. */
    static CharSequence plain(String text) {
        return unquotedString(text);
    }
}
