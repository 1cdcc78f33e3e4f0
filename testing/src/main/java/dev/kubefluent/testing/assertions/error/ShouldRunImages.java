package dev.kubefluent.testing.assertions.error;

import dev.kubefluent.core.ResourceRef;
import java.util.List;
import java.util.Set;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for a live workload whose running pods do not use exactly the expected images.
 *
 * @since 0.1.0
 */
public class ShouldRunImages extends ResourceFieldMessageFactory {

    private ShouldRunImages(ResourceRef resource, Set<String> expected, Set<String> actual, List<String> pods) {
        super("%nExpecting the running pods of %s%n  %s%nto use exactly the images:%n  %s%nbut used:%n  %s%nin pods:%n  %s",
                resource, "spec.containers[*].image", expected, actual, lines(pods));
    }

    /**
     * Creates the message for different images.
     *
     * @param resource the workload; must not be {@code null}
     * @param expected the images expected; must not be {@code null}
     * @param actual   the images the running pods use; must not be {@code null}
     * @param pods     each running pod as {@code name: [image, ...]}; must not be {@code null}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldRunImages(ResourceRef resource, Set<String> expected, Set<String> actual,
            List<String> pods) {
        return new ShouldRunImages(resource, expected, actual, pods);
    }
}
