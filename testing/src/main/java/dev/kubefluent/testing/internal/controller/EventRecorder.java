package dev.kubefluent.testing.internal.controller;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Records core/v1 Events as client-go's {@code record.EventRecorder} does: the name is {@code <object>.<hex
 * nanoseconds>}, and a repeat of the same event for the same object increments {@code count} and moves {@code
 * lastTimestamp} instead of creating a new Event (the correlator's aggregation). Timestamps are virtual time.
 */
final class EventRecorder {

    static final String NORMAL = "Normal";
    static final String WARNING = "Warning";

    private final ClusterAccess access;
    private final Map<String, String> eventNames = new HashMap<>();
    private long sequence;

    EventRecorder(ClusterAccess access) {
        this.access = access;
    }

    void event(HasMetadata object, String type, String reason, String message, String component) {
        event(object, null, type, reason, message, component, null);
    }

    void event(HasMetadata object, String fieldPath, String type, String reason, String message, String component,
               String host) {
        String namespace = object.getMetadata().getNamespace() == null ? "default" : object.getMetadata().getNamespace();
        String key = Meta.uid(object) + "|" + fieldPath + "|" + type + "|" + reason + "|" + message + "|" + component;
        String now = Meta.timestamp(access.now());
        String existing = eventNames.get(key);
        if (existing != null) {
            Optional<Event> stored = access.get(Event.class, namespace, existing);
            if (stored.isPresent()) {
                Event e = stored.get();
                e.setCount(Meta.orZero(e.getCount()) + 1);
                e.setLastTimestamp(now);
                try {
                    access.update(e);
                    return;
                } catch (ClusterAccessException ignored) {
                    // fall through and record a fresh Event, as the correlator does when a patch fails
                }
            }
        }
        Instant t = access.now();
        long nanos = t.getEpochSecond() * 1_000_000_000L + t.getNano() + sequence++;
        String name = Meta.name(object) + "." + Long.toHexString(nanos);
        Event event = new EventBuilder()
            .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
            .withInvolvedObject(new ObjectReferenceBuilder()
                .withApiVersion(object.getApiVersion())
                .withKind(object.getKind())
                .withName(Meta.name(object))
                .withNamespace(object.getMetadata().getNamespace())
                .withUid(Meta.uid(object))
                .withResourceVersion(object.getMetadata().getResourceVersion())
                .withFieldPath(fieldPath)
                .build())
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withNewSource().withComponent(component).withHost(host).endSource()
            .withReportingComponent(component)
            .withReportingInstance(host == null ? component : host)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .build();
        try {
            access.create(event);
            eventNames.put(key, name);
        } catch (ClusterAccessException ignored) {
            // an Event that cannot be stored is dropped, as client-go's broadcaster drops it after its retries
        }
    }
}
