package dev.kubefluent.testing.internal.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * An in-memory {@link ClusterAccess} plus a deterministic discrete-event driver for the controller tests: writes
 * notify the registered controllers synchronously in registration order; scheduled tasks run in (time, sequence)
 * order on a virtual clock that only moves when the driver advances it. The API-server rules the controllers rely on
 * are copied: uid, resourceVersion with optimistic locking, generation bumped on spec changes (and annotation changes
 * of Deployments), status subresources, generateName, creationTimestamp.
 */
final class FakeCluster implements ClusterAccess {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Set<Class<?>> STATUS_SUBRESOURCE =
        Set.of(Deployment.class, ReplicaSet.class, StatefulSet.class, DaemonSet.class, Pod.class);

    private record Task(Instant due, long seq, Runnable action) {
    }

    private final Map<Class<?>, TreeMap<String, HasMetadata>> store = new HashMap<>();
    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> {
        int c = a.due.compareTo(b.due);
        return c != 0 ? c : Long.compare(a.seq, b.seq);
    });
    private final List<Controller> controllers = new ArrayList<>();
    private final List<Runnable> afterTask = new ArrayList<>();
    private final Random names = new Random(42);
    private Instant now = START;
    private long seq;
    private long resourceVersion;
    private long uids;
    private long tasksRun;

    /** Makes creates of matching objects fail as an admission plugin (e.g. a quota) would; null accepts all. */
    java.util.function.Predicate<HasMetadata> rejectCreate;

    FakeCluster register(List<Controller> list) {
        controllers.addAll(list);
        return this;
    }

    /** Runs after each scheduled task, e.g. to record states or check invariants. */
    void afterEachTask(Runnable observer) {
        afterTask.add(observer);
    }

    long tasksRun() {
        return tasksRun;
    }

    // ------------------------------------------------------------------ driver

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        tasks.add(new Task(now.plus(delay), seq++, task));
    }

    /** Runs the next task, advancing the clock to its due time; false if none is left. */
    boolean step() {
        Task t = tasks.poll();
        if (t == null) {
            return false;
        }
        if (t.due.isAfter(now)) {
            now = t.due;
        }
        t.action.run();
        tasksRun++;
        for (Runnable r : afterTask) {
            r.run();
        }
        return true;
    }

    /** Runs every task due at or before now + d, then sets the clock to now + d. */
    void advance(Duration d) {
        Instant target = now.plus(d);
        while (!tasks.isEmpty() && !tasks.peek().due.isAfter(target)) {
            step();
        }
        now = target;
    }

    /** Runs tasks until the condition holds, failing after the given virtual time. */
    void runUntil(BooleanSupplier condition, Duration max, String what) {
        Instant limit = now.plus(max);
        while (!condition.getAsBoolean()) {
            if (tasks.isEmpty() || tasks.peek().due.isAfter(limit)) {
                throw new AssertionError("not reached within " + max + " of virtual time: " + what + " (now "
                    + now + ", " + tasks.size() + " tasks queued)");
            }
            step();
        }
    }

    /** Runs until no task is left (only for scenarios without endless back-off loops). */
    void runUntilIdle() {
        long guard = 0;
        while (step()) {
            if (++guard > 2_000_000) {
                throw new AssertionError("the simulation does not become idle");
            }
        }
    }

    // ------------------------------------------------------------------ ClusterAccess

    @Override
    public <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name) {
        HasMetadata o = bucket(type).get(Meta.key(namespace, name));
        return o == null ? Optional.empty() : Optional.of(type.cast(Meta.copy(o)));
    }

    @Override
    public <T extends HasMetadata> List<T> list(Class<T> type, String namespace) {
        List<T> out = new ArrayList<>();
        for (HasMetadata o : bucket(type).values()) {
            if (namespace == null || namespace.equals(Meta.namespace(o))) {
                out.add(type.cast(Meta.copy(o)));
            }
        }
        out.sort((a, b) -> Meta.name(a).compareTo(Meta.name(b)));
        return out;
    }

    @Override
    public <T extends HasMetadata> T create(T object) {
        if (rejectCreate != null && rejectCreate.test(object)) {
            throw new ClusterAccessException(403, object.getPlural() + " \"" + object.getMetadata().getGenerateName()
                + "\" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=3, limited: pods=3");
        }
        T o = Meta.copy(object);
        if (o.getMetadata().getName() == null || o.getMetadata().getName().isEmpty()) {
            if (o.getMetadata().getGenerateName() == null) {
                throw new ClusterAccessException(422, o.getKind() + ": metadata.name: Required value: name or generateName is required");
            }
            o.getMetadata().setName(o.getMetadata().getGenerateName() + suffix());
        }
        String key = Meta.key(o);
        TreeMap<String, HasMetadata> bucket = bucket(o.getClass());
        if (bucket.containsKey(key)) {
            throw new ClusterAccessException(409, o.getKind() + " \"" + Meta.name(o) + "\" already exists");
        }
        o.getMetadata().setUid(UUID.nameUUIDFromBytes(("uid-" + uids++).getBytes(StandardCharsets.UTF_8)).toString());
        o.getMetadata().setResourceVersion(Long.toString(++resourceVersion));
        o.getMetadata().setCreationTimestamp(Meta.timestamp(now));
        o.getMetadata().setGeneration(1L);
        if (o instanceof Pod) {
            PodStatus status = new PodStatus();
            status.setPhase("Pending");
            ((Pod) o).setStatus(status);
        } else if (STATUS_SUBRESOURCE.contains(o.getClass())) {
            setStatus(o, null);
        }
        bucket.put(key, o);
        notify("ADDED", null, o);
        return Meta.copy(o);
    }

    @Override
    public <T extends HasMetadata> T update(T object) {
        HasMetadata stored = existing(object);
        T o = Meta.copy(object);
        o.getMetadata().setUid(stored.getMetadata().getUid());
        o.getMetadata().setCreationTimestamp(stored.getMetadata().getCreationTimestamp());
        o.getMetadata().setDeletionTimestamp(stored.getMetadata().getDeletionTimestamp());
        if (STATUS_SUBRESOURCE.contains(o.getClass())) {
            setStatus(o, getStatus(stored));
        }
        long generation = stored.getMetadata().getGeneration() == null ? 1 : stored.getMetadata().getGeneration();
        boolean specChanged = !Objects.equals(getSpec(o), getSpec(stored));
        boolean annotationsChanged = o instanceof Deployment
            && !Objects.equals(Meta.annotations(o), Meta.annotations(stored));
        o.getMetadata().setGeneration(specChanged || annotationsChanged ? generation + 1 : generation);
        return store(stored, o);
    }

    @Override
    public <T extends HasMetadata> T updateStatus(T object) {
        HasMetadata stored = existing(object);
        @SuppressWarnings("unchecked")
        T o = (T) Meta.copy(stored);
        setStatus(o, getStatus(object));
        if (o instanceof Deployment) {
            o.getMetadata().setAnnotations(object.getMetadata().getAnnotations());
        }
        return store(stored, o);
    }

    @Override
    public void delete(Class<? extends HasMetadata> type, String namespace, String name) {
        HasMetadata removed = bucket(type).remove(Meta.key(namespace, name));
        if (removed != null) {
            resourceVersion++;
            notify("DELETED", removed, null);
        }
    }

    private <T extends HasMetadata> T store(HasMetadata stored, T o) {
        o.getMetadata().setResourceVersion(Long.toString(++resourceVersion));
        bucket(o.getClass()).put(Meta.key(o), o);
        notify("MODIFIED", stored, o);
        return Meta.copy(o);
    }

    private HasMetadata existing(HasMetadata object) {
        HasMetadata stored = bucket(object.getClass()).get(Meta.key(object));
        if (stored == null) {
            throw new ClusterAccessException(404, object.getKind() + " \"" + Meta.name(object) + "\" not found");
        }
        String rv = object.getMetadata().getResourceVersion();
        if (rv != null && !rv.isEmpty() && !rv.equals(stored.getMetadata().getResourceVersion())) {
            throw new ClusterAccessException(409, "Operation cannot be fulfilled on " + object.getPlural() + " \""
                + Meta.name(object) + "\": the object has been modified; please apply your changes to the latest "
                + "version and try again");
        }
        return stored;
    }

    private void notify(String type, HasMetadata oldObject, HasMetadata newObject) {
        // one copy shared by every controller: onChange only reads
        HasMetadata before = Meta.copy(oldObject);
        HasMetadata after = Meta.copy(newObject);
        for (Controller c : controllers) {
            c.onChange(type, before, after);
        }
    }

    private TreeMap<String, HasMetadata> bucket(Class<?> type) {
        return store.computeIfAbsent(type, t -> new TreeMap<>());
    }

    private String suffix() {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            s.append(alphabet.charAt(names.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static Object getSpec(HasMetadata o) {
        return invoke(o, "getSpec");
    }

    private static Object getStatus(HasMetadata o) {
        return invoke(o, "getStatus");
    }

    private static Object invoke(HasMetadata o, String getter) {
        try {
            Method m = o.getClass().getMethod(getter);
            return m.invoke(o);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setStatus(HasMetadata o, Object status) {
        try {
            Method getter = o.getClass().getMethod("getStatus");
            Method setter = o.getClass().getMethod("setStatus", getter.getReturnType());
            setter.invoke(o, status == null ? null : Meta.copy(status));
        } catch (NoSuchMethodException e) {
            // kinds without a status
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
