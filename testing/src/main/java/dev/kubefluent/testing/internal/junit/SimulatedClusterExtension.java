package dev.kubefluent.testing.internal.junit;

import dev.kubefluent.testing.junit.SimulatedClusterTest;
import dev.kubefluent.testing.junit.SimulatedClusterTest.Scope;
import dev.kubefluent.testing.sim.SimulatedCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.reflect.Constructor;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link SimulatedClusterTest}: starts clusters in the Store of the test or class context (JUnit
 * closes them when the context ends) and resolves {@link SimulatedCluster} and {@link KubernetesClient} parameters.
 * Not API.
 */
public final class SimulatedClusterExtension implements ParameterResolver, TestExecutionExceptionHandler {

    static final Namespace NAMESPACE = Namespace.create(SimulatedClusterExtension.class);
    private static final String KEY = "simulated.cluster";

    /** The cluster as a Store value, so that JUnit closes it with its context. */
    static final class ClusterResource implements AutoCloseable {
        final SimulatedCluster cluster;

        ClusterResource(SimulatedCluster cluster) {
            this.cluster = cluster;
        }

        @Override
        public void close() {
            cluster.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        if (type != SimulatedCluster.class && type != KubernetesClient.class) {
            return false;
        }
        if (parameterContext.getDeclaringExecutable() instanceof Constructor) {
            throw new ParameterResolutionException("@SimulatedClusterTest cannot inject " + type.getSimpleName()
                    + " into a constructor. Please declare it as a parameter of a test or lifecycle method instead.");
        }
        return true;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        SimulatedCluster cluster = cluster(extensionContext);
        return parameterContext.getParameter().getType() == KubernetesClient.class ? cluster.client() : cluster;
    }

    private SimulatedCluster cluster(ExtensionContext context) {
        SimulatedClusterTest annotation = annotation(context);
        Scope scope = scope(annotation, context);
        ExtensionContext owner;
        if (scope == Scope.PER_CLASS) {
            owner = classContext(context);
        } else if (context.getTestMethod().isPresent()) {
            owner = context;
        } else {
            throw new ParameterResolutionException("@SimulatedClusterTest(scope = PER_TEST) cannot inject a cluster"
                    + " into a @BeforeAll or @AfterAll method. Please use @SimulatedClusterTest(scope = PER_CLASS)"
                    + " to share one cluster across the class.");
        }
        return owner.getStore(NAMESPACE).computeIfAbsent(KEY, k -> new ClusterResource(start(annotation)),
                ClusterResource.class).cluster;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private static SimulatedCluster start(SimulatedClusterTest annotation) {
        SimulatedCluster.Builder builder = SimulatedCluster.builder().namespaces(annotation.namespaces())
                .createNamespacesOnDemand(annotation.createNamespacesOnDemand());
        if (!annotation.controllers()) {
            builder.withoutControllers();
        }
        if (annotation.seed() != SimulatedClusterTest.RANDOM_SEED) {
            builder.seed(annotation.seed());
        }
        return builder.start();
    }

    private static SimulatedClusterTest annotation(ExtensionContext context) {
        Optional<Class<?>> testClass = context.getTestClass();
        Optional<SimulatedClusterTest> found = Optional.empty();
        for (Class<?> c = testClass.orElse(null); c != null && found.isEmpty(); c = c.getEnclosingClass()) {
            found = AnnotationSupport.findAnnotation(c, SimulatedClusterTest.class);
        }
        return found.orElseThrow(() -> new ExtensionConfigurationException("SimulatedClusterExtension needs"
                + " @SimulatedClusterTest on the test class " + testClass.map(Class::getName).orElse("(none)")
                + ". Please annotate the class with @SimulatedClusterTest instead of registering the extension."));
    }

    private static Scope scope(SimulatedClusterTest annotation, ExtensionContext context) {
        if (annotation.scope() != Scope.DEFAULT) {
            return annotation.scope();
        }
        Optional<String> configured = context.getConfigurationParameter(
                SimulatedClusterTest.DEFAULT_SCOPE_PROPERTY_NAME);
        if (configured.isEmpty()) {
            return Scope.PER_TEST;
        }
        String value = configured.get().trim().toUpperCase(Locale.ROOT);
        try {
            Scope scope = Scope.valueOf(value);
            return scope == Scope.DEFAULT ? Scope.PER_TEST : scope;
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("configuration parameter "
                    + SimulatedClusterTest.DEFAULT_SCOPE_PROPERTY_NAME + " must be PER_TEST or PER_CLASS but was: "
                    + configured.get(), e);
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        SimulatedCluster cluster = findCluster(context);
        if (cluster != null) {
            String hint = "simulated cluster seed: " + cluster.seed() + " (repeat with @SimulatedClusterTest(seed = "
                    + cluster.seed() + "L) or SimulatedCluster.builder().seed(" + cluster.seed() + "L))";
            throwable.addSuppressed(new SeedInfo(hint));
            context.publishReportEntry("kubefluent.simulatedcluster.seed", Long.toString(cluster.seed()));
        }
        throw throwable;
    }

    private static SimulatedCluster findCluster(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            ClusterResource r = c.getStore(NAMESPACE).get(KEY, ClusterResource.class);
            if (r != null) {
                return r.cluster;
            }
        }
        return null;
    }

    /** Carries the seed of a failed test's cluster; its message is the whole point, so no stack trace. */
    static final class SeedInfo extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SeedInfo(String message) {
            super(message, null, false, false);
        }
    }
}
