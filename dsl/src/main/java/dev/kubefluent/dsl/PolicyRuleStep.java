package dev.kubefluent.dsl;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The required next step after {@code allow(verbs)} on a Role or ClusterRole: which resources the verbs apply to.
 *
 * <pre>{@code
 * role("reader").allow("get", "list", "watch").on("pods", "configmaps")
 *     .allow("get").onGroup("apps", "deployments")
 * }</pre>
 *
 * <p>A step is meant for chaining, not for a variable.
 *
 * @param <T> the role builder the step returns to
 * @since 0.1.0
 */
@CheckReturnValue
public final class PolicyRuleStep<T> {

    private final List<String> verbs;
    private final Function<PolicyRule, T> add;

    PolicyRuleStep(List<String> verbs, Function<PolicyRule, T> add) {
        this.verbs = verbs;
        this.add = add;
    }

    /**
     * Applies the verbs to resources of the core API group ({@code apiGroups: [""]}), e.g. {@code pods},
     * {@code configmaps}, {@code secrets}, {@code pods/log}.
     *
     * @param resources one or more resource names (plural, lower case); none {@code null}
     * @return the role, for more rules
     */
    public T on(String... resources) {
        return onGroup("", resources);
    }

    /**
     * Applies the verbs to resources of an API group, e.g. {@code onGroup("apps", "deployments")}.
     *
     * @param apiGroup  the API group, {@code ""} for the core group; must not be {@code null}
     * @param resources one or more resource names; none {@code null}
     * @return the role, for more rules
     */
    public T onGroup(String apiGroup, String... resources) {
        Checks.notNull(apiGroup, "apiGroup");
        Checks.noNulls(resources, "resources");
        if (resources.length == 0) {
            throw new IllegalArgumentException("resources must not be empty");
        }
        for (String r : resources) {
            Checks.notBlank(r, "resource");
        }
        List<String> res = List.of(resources);
        PolicyRule rule = new PolicyRule();
        rule.setApiGroups(new ArrayList<>(List.of(apiGroup)));
        rule.setResources(new ArrayList<>(res));
        rule.setVerbs(new ArrayList<>(verbs));
        return add.apply(rule);
    }
}
