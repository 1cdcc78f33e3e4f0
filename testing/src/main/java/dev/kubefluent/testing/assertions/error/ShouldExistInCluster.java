package dev.kubefluent.testing.assertions.error;

import dev.kubefluent.core.ResourceRef;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for an object that the cluster does not have.
 *
 * @since 0.1.0
 */
public class ShouldExistInCluster extends BasicErrorMessageFactory {

    private ShouldExistInCluster(ResourceRef resource, String server) {
        super("%nExpecting the cluster at:%n  %s%nto have:%n  %s %s%nbut it does not", unquotedString(server),
                unquotedString(resource.kind()), unquotedString(resource.qualifiedName()));
    }

    /**
     * Creates the message for a missing object.
     *
     * @param resource the object's kind, namespace and name; must not be {@code null}
     * @param server   the API server's URL; must not be {@code null}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldExistInCluster(ResourceRef resource, String server) {
        return new ShouldExistInCluster(resource, server);
    }
}
