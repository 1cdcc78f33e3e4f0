package dev.kubefluent.testing.internal.controller;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Object-metadata helpers shared by the controllers: controller references, selectors, timestamps, copies. */
final class Meta {

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** Oldest first by creationTimestamp, then by name ({@code controller.ReplicaSetsByCreationTimestamp}). */
    static final Comparator<HasMetadata> BY_CREATION = Comparator
        .comparing((HasMetadata o) -> creation(o))
        .thenComparing(o -> o.getMetadata().getName());

    private Meta() {
    }

    /** A Kubernetes timestamp: RFC 3339 in UTC with second precision, as metav1.Time is serialized. */
    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static Instant parseTime(String timestamp) {
        return timestamp == null || timestamp.isEmpty() ? Instant.EPOCH : Instant.parse(timestamp);
    }

    static Instant creation(HasMetadata o) {
        return parseTime(o.getMetadata().getCreationTimestamp());
    }

    static String namespace(HasMetadata o) {
        return o.getMetadata().getNamespace();
    }

    static String name(HasMetadata o) {
        return o.getMetadata().getName();
    }

    static String uid(HasMetadata o) {
        return o.getMetadata().getUid();
    }

    static String key(HasMetadata o) {
        return key(namespace(o), name(o));
    }

    static String key(String namespace, String name) {
        return (namespace == null ? "" : namespace) + "/" + name;
    }

    static String keyNamespace(String key) {
        String ns = key.substring(0, key.indexOf('/'));
        return ns.isEmpty() ? null : ns;
    }

    static String keyName(String key) {
        return key.substring(key.indexOf('/') + 1);
    }

    static Map<String, String> labels(HasMetadata o) {
        Map<String, String> labels = o.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    static Map<String, String> annotations(HasMetadata o) {
        Map<String, String> annotations = o.getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }

    /** The mutable annotations of o, created if missing. */
    static Map<String, String> mutableAnnotations(ObjectMeta meta) {
        if (meta.getAnnotations() == null) {
            meta.setAnnotations(new LinkedHashMap<>());
        }
        return meta.getAnnotations();
    }

    /** {@code metav1.GetControllerOf}: the owner reference with controller=true, or null. */
    static OwnerReference controllerOf(HasMetadata o) {
        List<OwnerReference> refs = o.getMetadata().getOwnerReferences();
        if (refs == null) {
            return null;
        }
        for (OwnerReference ref : refs) {
            if (Boolean.TRUE.equals(ref.getController())) {
                return ref;
            }
        }
        return null;
    }

    static boolean isControlledBy(HasMetadata o, String ownerUid) {
        OwnerReference ref = controllerOf(o);
        return ref != null && Objects.equals(ref.getUid(), ownerUid);
    }

    /** {@code metav1.NewControllerRef}: controller=true, blockOwnerDeletion=true. */
    static OwnerReference controllerRef(HasMetadata owner) {
        return new OwnerReferenceBuilder()
            .withApiVersion(owner.getApiVersion())
            .withKind(owner.getKind())
            .withName(name(owner))
            .withUid(uid(owner))
            .withController(true)
            .withBlockOwnerDeletion(true)
            .build();
    }

    static boolean isDeleting(HasMetadata o) {
        String ts = o.getMetadata().getDeletionTimestamp();
        return ts != null && !ts.isEmpty();
    }

    /** {@code metav1.LabelSelectorAsSelector(...).Matches}: null selects nothing, empty selects everything. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> l = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
                if (!Objects.equals(l.get(e.getKey()), e.getValue())) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                if (!matches(r, l)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean matches(LabelSelectorRequirement r, Map<String, String> labels) {
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        String value = labels.get(r.getKey());
        switch (r.getOperator()) {
            case "In":
                return value != null && values.contains(value);
            case "NotIn":
                return value == null || !values.contains(value);
            case "Exists":
                return labels.containsKey(r.getKey());
            case "DoesNotExist":
                return !labels.containsKey(r.getKey());
            default:
                return false;
        }
    }

    /** {@code labels.SelectorFromSet(...).Matches}: every entry of the selector is a label. */
    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        if (selector == null || selector.isEmpty()) {
            return false;
        }
        Map<String, String> l = labels == null ? Map.of() : labels;
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!Objects.equals(l.get(e.getKey()), e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** A deep copy: through the fabric8 builders for the kinds the controllers handle, else through JSON. */
    @SuppressWarnings("unchecked")
    static <T> T copy(T object) {
        if (object == null) {
            return null;
        }
        Object o = object;
        if (o instanceof Pod) {
            return (T) new PodBuilder((Pod) o).build();
        } else if (o instanceof ReplicaSet) {
            return (T) new ReplicaSetBuilder((ReplicaSet) o).build();
        } else if (o instanceof Deployment) {
            return (T) new DeploymentBuilder((Deployment) o).build();
        } else if (o instanceof Event) {
            return (T) new EventBuilder((Event) o).build();
        } else if (o instanceof PodTemplateSpec) {
            return (T) new PodTemplateSpecBuilder((PodTemplateSpec) o).build();
        } else if (o instanceof DeploymentStatus) {
            return (T) new DeploymentStatusBuilder((DeploymentStatus) o).build();
        } else if (o instanceof DeploymentCondition) {
            return (T) new DeploymentConditionBuilder((DeploymentCondition) o).build();
        } else if (o instanceof ReplicaSetStatus) {
            return (T) new ReplicaSetStatusBuilder((ReplicaSetStatus) o).build();
        } else if (o instanceof LabelSelector) {
            return (T) new LabelSelectorBuilder((LabelSelector) o).build();
        } else if (o instanceof PodStatus) {
            return (T) new PodStatusBuilder((PodStatus) o).build();
        } else if (o instanceof Service) {
            return (T) new ServiceBuilder((Service) o).build();
        }
        return SERIALIZATION.clone(object);
    }

    static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** Null for 0, as Go's {@code omitempty} int32 fields read back through JSON. */
    static Integer omitZero(int value) {
        return value == 0 ? null : value;
    }

    static boolean isPodReady(Pod pod) {
        PodCondition c = podCondition(pod, "Ready");
        return c != null && "True".equals(c.getStatus());
    }

    static PodCondition podCondition(Pod pod, String type) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return null;
        }
        for (PodCondition c : pod.getStatus().getConditions()) {
            if (type.equals(c.getType())) {
                return c;
            }
        }
        return null;
    }

    /** {@code podutil.IsPodAvailable}: ready for at least minReadySeconds. */
    static boolean isPodAvailable(Pod pod, int minReadySeconds, Instant now) {
        if (!isPodReady(pod)) {
            return false;
        }
        if (minReadySeconds == 0) {
            return true;
        }
        PodCondition c = podCondition(pod, "Ready");
        Instant since = parseTime(c.getLastTransitionTime());
        return !since.plusSeconds(minReadySeconds).isAfter(now);
    }

    /** {@code controller.IsPodActive}: not Succeeded, not Failed, not being deleted. */
    static boolean isPodActive(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return !"Succeeded".equals(phase) && !"Failed".equals(phase) && !isDeleting(pod);
    }

    static String phase(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Pending" : pod.getStatus().getPhase();
    }
}
