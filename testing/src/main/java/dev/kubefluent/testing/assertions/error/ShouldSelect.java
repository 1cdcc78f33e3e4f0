package dev.kubefluent.testing.assertions.error;

import dev.kubefluent.core.ResourceRef;
import java.util.Map;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message for a Service whose selector does not match the pods of a workload.
 *
 * @since 0.1.0
 */
public class ShouldSelect extends ResourceFieldMessageFactory {

    private ShouldSelect(ResourceRef service, String path, ResourceRef workload, Map<String, String> podLabels,
            Map<String, String> selector) {
        super("%nExpecting %s:%n  %s%nto select the pods of %s, labelled:%n  %s%nbut was:%n  %s",
                service, path, plain(workload.toString()), podLabels, selector);
    }

    /**
     * Creates the message for a selector that misses the workload's pods.
     *
     * @param service   the Service; must not be {@code null}
     * @param path      the field path of the selector, {@code spec.selector}; must not be {@code null}
     * @param workload  the workload whose pods should be selected; must not be {@code null}
     * @param podLabels the labels of the workload's pods; must not be {@code null}
     * @param selector  the Service's selector; must not be {@code null}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldSelect(ResourceRef service, String path, ResourceRef workload,
            Map<String, String> podLabels, Map<String, String> selector) {
        return new ShouldSelect(service, path, workload, podLabels, selector);
    }
}
