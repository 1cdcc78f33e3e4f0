package dev.kubefluent.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.kubefluent.core.ManifestSet;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Half-filled objects, as hand-written YAML produces them, never crash the validator: they yield violations. */
class RobustnessTest {

    static Stream<HasMetadata> halfFilled() {
        List<Supplier<HasMetadata>> empty = List.of(Pod::new, Deployment::new, Service::new, StatefulSet::new,
                DaemonSet::new, ReplicaSet::new, Job::new, CronJob::new, ConfigMap::new, Secret::new,
                ServiceAccount::new, Namespace::new, Role::new, ClusterRole::new, RoleBinding::new,
                ClusterRoleBinding::new, HorizontalPodAutoscaler::new, PodDisruptionBudget::new, Ingress::new,
                NetworkPolicy::new, GenericKubernetesResource::new);
        List<HasMetadata> all = new ArrayList<>();
        for (Supplier<HasMetadata> s : empty) {
            all.add(kinded(s.get()));
            HasMetadata named = kinded(s.get());
            named.setMetadata(new ObjectMeta());
            all.add(named);
        }
        Container bare = new Container();
        bare.setEnv(List.of(new EnvVar(null, null, new EnvVarSource())));
        bare.setLivenessProbe(new Probe());
        PodSpec spec = new PodSpec();
        spec.setContainers(List.of(bare, new Container()));
        spec.setVolumes(List.of(new Volume()));
        Pod pod = new Pod();
        pod.setMetadata(new ObjectMeta());
        pod.setSpec(spec);
        all.add(pod);
        Deployment d = new Deployment();
        d.setSpec(new DeploymentSpec());
        d.getSpec().setTemplate(new PodTemplateSpec(null, spec));
        d.getSpec().setStrategy(new DeploymentStrategy(new RollingUpdateDeployment(), "RollingUpdate"));
        all.add(d);
        Service svc = new Service();
        svc.setSpec(new ServiceSpec());
        svc.getSpec().setPorts(List.of(new ServicePort(), new ServicePort()));
        all.add(svc);
        StatefulSet sts = new StatefulSet();
        sts.setSpec(new StatefulSetSpec());
        all.add(sts);
        DaemonSet ds = new DaemonSet();
        ds.setSpec(new DaemonSetSpec());
        all.add(ds);
        Job job = new Job();
        job.setSpec(new JobSpec());
        all.add(job);
        CronJob cj = new CronJob();
        cj.setSpec(new CronJobSpec());
        all.add(cj);
        HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler();
        hpa.setSpec(new HorizontalPodAutoscalerSpec());
        hpa.getSpec().setMetrics(List.of(new MetricSpec()));
        all.add(hpa);
        PodDisruptionBudget pdb = new PodDisruptionBudget();
        pdb.setSpec(new PodDisruptionBudgetSpec());
        all.add(pdb);
        Ingress ing = new Ingress();
        ing.setSpec(new IngressSpec());
        all.add(ing);
        NetworkPolicy np = new NetworkPolicy();
        np.setSpec(new NetworkPolicySpec());
        all.add(np);
        Role role = new Role();
        role.setRules(List.of(new PolicyRule()));
        all.add(role);
        RoleBinding rb = new RoleBinding();
        rb.setRoleRef(new RoleRef());
        rb.setSubjects(List.of(new Subject()));
        all.add(rb);
        return all.stream();
    }

    /** A set needs to know each object's kind, which fabric8 gives every typed object but not a generic one. */
    private static HasMetadata kinded(HasMetadata r) {
        if (r instanceof GenericKubernetesResource g) {
            g.setApiVersion("example.com/v1");
            g.setKind("Widget");
        }
        return r;
    }

    @ParameterizedTest
    @MethodSource("halfFilled")
    void half_filled_objects_yield_violations_not_exceptions(HasMetadata resource) {
        Validator all = Validator.builder().strict(true)
                .profile(Profile.POD_SECURITY_RESTRICTED, Profile.BEST_PRACTICES).build();
        assertThatCode(() -> all.validate(resource)).doesNotThrowAnyException();
        assertThatCode(() -> all.validate(ManifestSet.of(resource))).doesNotThrowAnyException();
        if (!(resource instanceof GenericKubernetesResource) && resource.getMetadata() == null) {
            assertThat(all.validate(resource).errors()).extracting(Violation::ruleId)
                    .contains("metadata-name-required");
        }
    }

    @Test
    void whole_set_of_half_filled_objects_is_validated_together() {
        List<HasMetadata> all = halfFilled().toList();
        assertThatCode(() -> Validator.builder().strict(true).profile(Profile.BEST_PRACTICES).build()
                .validate(ManifestSet.of(all))).doesNotThrowAnyException();
    }
}
