package dev.kubefluent.testing.internal.server;

import dev.kubefluent.testing.internal.controller.ClusterAccess;
import dev.kubefluent.testing.internal.controller.ClusterAccessException;
import dev.kubefluent.testing.internal.controller.Controller;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ClusterAccess} over the simulated API server: the controllers' reads come from the store and their writes
 * take the same path as HTTP writes, so defaulting, validation, generation, resourceVersions and every client's
 * watches behave as for any other write. Also delivers store changes to the registered controllers, in order, on the
 * control-plane thread.
 */
public final class StoreAccess implements ClusterAccess {

    private static final String MANAGER = "kube-controller-manager";

    private final ApiServer api;
    private final ControlPlane controlPlane;
    private final KubernetesSerialization serialization;
    private final List<Controller> controllers = new ArrayList<>();

    public StoreAccess(ApiServer api, ControlPlane controlPlane) {
        this.api = api;
        this.controlPlane = controlPlane;
        this.serialization = api.serialization();
        api.store().addListener(this::changed);
    }

    /** Registers controllers; they are called in registration order. */
    public void register(List<Controller> list) {
        controllers.addAll(list);
    }

    private void changed(Store.Change change) {
        if (controllers.isEmpty()) {
            return;
        }
        controlPlane.execute(() -> {
            Class<? extends HasMetadata> model = change.type().modelClass();
            HasMetadata oldObject = change.oldObject() == null || change.eventType().equals("ADDED") ? null
                    : serialization.convertValue(change.oldObject(), model);
            HasMetadata newObject = change.newObject() == null ? null
                    : serialization.convertValue(change.newObject(), model);
            for (Controller c : controllers) {
                c.onChange(change.eventType(), oldObject, newObject);
            }
        });
    }

    @Override
    public Instant now() {
        return controlPlane.now();
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        controlPlane.schedule(delay, task);
    }

    @Override
    public <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name) {
        Map<String, Object> o = api.store().get(type(type), namespace, name);
        return o == null ? Optional.empty() : Optional.of(serialization.convertValue(o, type));
    }

    @Override
    public <T extends HasMetadata> List<T> list(Class<T> type, String namespace) {
        List<T> out = new ArrayList<>();
        for (Map<String, Object> o : api.store().list(type(type), namespace)) {
            out.add(serialization.convertValue(o, type));
        }
        return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> T create(T object) {
        ResourceType type = type(object.getClass());
        try {
            return (T) serialization.convertValue(api.createObject(type, tree(object), MANAGER, false),
                    object.getClass());
        } catch (ApiException e) {
            throw new ClusterAccessException(e.code(), e.getMessage());
        }
    }

    @Override
    public <T extends HasMetadata> T update(T object) {
        return write(object, null);
    }

    @Override
    public <T extends HasMetadata> T updateStatus(T object) {
        return write(object, "status");
    }

    @SuppressWarnings("unchecked")
    private <T extends HasMetadata> T write(T object, String subresource) {
        ResourceType type = type(object.getClass());
        Map<String, Object> tree = tree(object);
        Map<String, Object> old = api.store().get(type, Json.namespace(tree), Json.name(tree));
        if (old == null) {
            throw new ClusterAccessException(404, ApiException.notFound(type, Json.name(tree)).getMessage());
        }
        try {
            return (T) serialization.convertValue(api.updateObject(type, old, tree, MANAGER, subresource, false),
                    object.getClass());
        } catch (ApiException e) {
            throw new ClusterAccessException(e.code(), e.getMessage());
        }
    }

    @Override
    public void delete(Class<? extends HasMetadata> type, String namespace, String name) {
        ResourceType t = type(type);
        Map<String, Object> old = api.store().get(t, namespace, name);
        if (old == null) {
            return;
        }
        try {
            api.deleteObject(t, old, "Background", false);
        } catch (ApiException e) {
            throw new ClusterAccessException(e.code(), e.getMessage());
        }
    }

    private Map<String, Object> tree(HasMetadata object) {
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = serialization.convertValue(object, Map.class);
        Map<String, Object> tree = Json.asMap(Json.normalize(raw));
        ResourceType type = type(object.getClass());
        tree.putIfAbsent("apiVersion", type.apiVersion());
        tree.putIfAbsent("kind", type.kind());
        return tree;
    }

    private static ResourceType type(Class<?> model) {
        return ResourceType.forClass(model).orElseThrow(() -> new IllegalArgumentException(
                "type must be a kind the simulated cluster serves but was: " + model.getName()));
    }
}
