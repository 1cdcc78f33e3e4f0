package dev.kubefluent.dsl;

import dev.kubefluent.core.validate.Validator;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAntiAffinity;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The defaults {@code build()} applies to what is still unset, and the final validation. */
final class Defaults {

    private Defaults() {
        throw new UnsupportedOperationException("no instances");
    }

    /** Gives pod anti-affinity terms and topology spread constraints without a labelSelector the workload's own. */
    static void selectOwnPods(PodSpec spec, Map<String, String> own) {
        if (own == null || own.isEmpty()) {
            return;
        }
        PodAntiAffinity anti = spec.getAffinity() == null ? null : spec.getAffinity().getPodAntiAffinity();
        if (anti != null) {
            nullSafe(anti.getRequiredDuringSchedulingIgnoredDuringExecution()).forEach(t -> fill(t, own));
            nullSafe(anti.getPreferredDuringSchedulingIgnoredDuringExecution()).stream()
                    .map(WeightedPodAffinityTerm::getPodAffinityTerm).forEach(t -> fill(t, own));
        }
        for (TopologySpreadConstraint c : nullSafe(spec.getTopologySpreadConstraints())) {
            if (c.getLabelSelector() == null) {
                c.setLabelSelector(selector(own));
            }
        }
    }

    private static void fill(PodAffinityTerm t, Map<String, String> own) {
        if (t != null && t.getLabelSelector() == null) {
            t.setLabelSelector(selector(own));
        }
    }

    static LabelSelector selector(Map<String, String> labels) {
        LabelSelector s = new LabelSelector();
        s.setMatchLabels(new LinkedHashMap<>(labels));
        return s;
    }

    static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Applies the security profile to fields still unset; see {@link SecurityProfile#RESTRICTED}. */
    static void applySecurity(PodSpec spec, SecurityProfile profile) {
        if (profile != SecurityProfile.RESTRICTED) {
            return;
        }
        List<Container> all = Stream.concat(nullSafe(spec.getInitContainers()).stream(),
                nullSafe(spec.getContainers()).stream()).toList();
        PodSecurityContext pod = spec.getSecurityContext();
        if (pod == null) {
            pod = new PodSecurityContext();
            spec.setSecurityContext(pod);
        }
        boolean rootRequested = Long.valueOf(0).equals(pod.getRunAsUser())
                || all.stream().map(Container::getSecurityContext)
                        .anyMatch(s -> s != null && (s.getRunAsNonRoot() != null || Long.valueOf(0).equals(s.getRunAsUser())));
        if (pod.getRunAsNonRoot() == null && !rootRequested) {
            pod.setRunAsNonRoot(true);
        }
        if (pod.getSeccompProfile() == null) {
            pod.setSeccompProfile(new SeccompProfile(null, "RuntimeDefault"));
        }
        for (Container c : all) {
            SecurityContext s = c.getSecurityContext();
            if (s == null) {
                s = new SecurityContext();
                c.setSecurityContext(s);
            }
            if (s.getAllowPrivilegeEscalation() == null && !Boolean.TRUE.equals(s.getPrivileged())) {
                s.setAllowPrivilegeEscalation(false);
            }
            Capabilities caps = s.getCapabilities();
            if (caps == null) {
                caps = new Capabilities(new ArrayList<>(), new ArrayList<>());
                s.setCapabilities(caps);
            }
            if (caps.getDrop() == null || caps.getDrop().isEmpty()) {
                caps.setDrop(new ArrayList<>(List.of("ALL")));
            }
        }
    }

    /** Runs the shared validator on one object and throws one exception listing every error. */
    static void validate(HasMetadata resource) {
        Validator.defaults().validate(resource).throwIfErrors();
    }
}
