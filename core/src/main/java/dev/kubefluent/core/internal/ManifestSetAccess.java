package dev.kubefluent.core.internal;

import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.validate.ValidationReport;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.function.Supplier;

/**
 * A door from the validator into a {@link ManifestSet}'s private state, in the way of the JDK's {@code SharedSecrets}:
 * {@code ManifestSet} installs the accessor when its class is initialized, and only Kubefluent's own packages use it.
 *
 * <p>Through it the validator reads the set's read-only decoded resources, which are decoded at most once per
 * resource and never handed to a caller, instead of {@link ManifestSet#resources()}, which decodes fresh copies on
 * every call; and the set remembers the report of {@code Validator.defaults()}, so that {@code validate()},
 * {@code toYaml()} and a rollout of the same set validate it once.
 *
 * <p>Not API.
 */
public final class ManifestSetAccess {

    /** Implemented by {@link ManifestSet}. */
    public interface Accessor {

        /**
         * Returns the set's shared, decoded resources in apply order. Callers must not change them.
         *
         * @param set the set
         * @return the resources, read-only by contract
         */
        List<HasMetadata> views(ManifestSet set);

        /**
         * Returns the set's cached report of the default validator, computing it once.
         *
         * @param set     the set
         * @param compute computes the report
         * @return the report
         */
        ValidationReport defaultReport(ManifestSet set, Supplier<ValidationReport> compute);
    }

    private static volatile Accessor accessor;

    private ManifestSetAccess() {
    }

    /**
     * Installs the accessor; called once by {@link ManifestSet}.
     *
     * @param a the accessor
     */
    public static void install(Accessor a) {
        accessor = a;
    }

    /**
     * Returns the installed accessor. A {@link ManifestSet} instance exists whenever this is called with one, so its
     * class has been initialized and the accessor installed.
     *
     * @return the accessor
     */
    public static Accessor get() {
        Accessor a = accessor;
        if (a == null) {
            throw new IllegalStateException("ManifestSet has not been initialized");
        }
        return a;
    }
}
