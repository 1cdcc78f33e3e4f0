package dev.kubefluent.testing.internal.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The cluster's object store: JSON trees per resource type in name order, one resourceVersion counter per cluster,
 * a bounded event history for watches from a resourceVersion, and the fan-out of changes to watches and listeners.
 * Used on the control-plane thread only; stored trees are never mutated after being stored.
 */
public final class Store {

    /**
     * One change to the store, as a watch event. For a DELETED change {@code oldObject} is the object at the deletion's
     * resourceVersion (what the watch event carries) and {@code previous} the object as it was stored before.
     */
    public record Change(ResourceType type, String eventType, Map<String, Object> oldObject,
            Map<String, Object> newObject, long resourceVersion, Map<String, Object> previous) {
        /** The object the watch event carries. */
        public Map<String, Object> object() {
            return newObject != null ? newObject : oldObject;
        }
    }

    /** Where a watch delivers its events. */
    public interface WatchSink {
        boolean send(String text);

        /** Whether the connection is still open (the client has not gone away). */
        boolean isOpen();

        /** Called once the watch is registered and its initial events are sent. */
        default void started() {
        }

        void close(int code, String reason);
    }

    /** One open watch. */
    public static final class Watch {
        final ResourceType type;
        final String namespace;
        final Predicate<Map<String, Object>> selector;
        final WatchSink sink;
        final boolean bookmarks;
        volatile boolean closed;

        public Watch(ResourceType type, String namespace, Predicate<Map<String, Object>> selector, WatchSink sink,
                boolean bookmarks) {
            this.type = type;
            this.namespace = namespace;
            this.selector = selector;
            this.sink = sink;
            this.bookmarks = bookmarks;
        }

        public ResourceType type() {
            return type;
        }

        boolean inScope(Map<String, Object> object) {
            return object != null && (namespace == null || namespace.equals(Json.namespace(object)))
                    && selector.test(object);
        }

        /** Sends the event for a change, translated for this watch's selector (leaving it is a DELETED). */
        void deliver(Change c) {
            boolean before = inScope(c.oldObject());
            boolean after = inScope(c.newObject());
            String type;
            Map<String, Object> object;
            if (after && before) {
                type = c.eventType().equals("DELETED") ? "DELETED" : "MODIFIED";
                object = c.object();
            } else if (after) {
                type = "ADDED";
                object = c.newObject();
            } else if (before) {
                type = "DELETED";
                object = c.newObject() != null ? c.newObject() : c.oldObject();
            } else {
                return;
            }
            send(type, object);
        }

        public void send(String type, Map<String, Object> object) {
            if (closed) {
                return;
            }
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", type);
            event.put("object", object);
            if (!sink.send(Json.write(event))) {
                closed = true;
            }
        }

        public void close(int code, String reason) {
            if (!closed) {
                closed = true;
                sink.close(code, reason);
            }
        }

        public boolean isClosed() {
            return closed;
        }
    }

    private final Map<ResourceType, TreeMap<String, Map<String, Object>>> objects = new HashMap<>();
    private final ArrayDeque<Change> history = new ArrayDeque<>();
    private final int historyLimit;
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private final List<Consumer<Change>> listeners = new ArrayList<>();
    private long resourceVersion;
    private long oldestRetained = 1;

    public Store(int historyLimit) {
        this.historyLimit = historyLimit;
    }

    public long resourceVersion() {
        return resourceVersion;
    }

    public void addListener(Consumer<Change> listener) {
        listeners.add(listener);
    }

    private static String key(String namespace, String name) {
        return (namespace == null ? "" : namespace) + "/" + name;
    }

    private TreeMap<String, Map<String, Object>> table(ResourceType type) {
        return objects.computeIfAbsent(type, t -> new TreeMap<>());
    }

    /** The stored tree (do not mutate), or null. */
    public Map<String, Object> get(ResourceType type, String namespace, String name) {
        return table(type).get(key(type.namespaced() ? namespace : null, name));
    }

    /** Stored trees of a type in a namespace (null = all), in namespace/name order. */
    public List<Map<String, Object>> list(ResourceType type, String namespace) {
        TreeMap<String, Map<String, Object>> table = table(type);
        if (namespace == null || !type.namespaced()) {
            return new ArrayList<>(table.values());
        }
        return new ArrayList<>(table.subMap(namespace + "/", namespace + "/\uffff").values());
    }

    /** Stored trees after the given namespace/name key, in order, for list continuation. */
    public List<Map<String, Object>> listAfter(ResourceType type, String namespace, String afterKey) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> o : table(type).tailMap(afterKey, false).values()) {
            if (namespace == null || !type.namespaced() || namespace.equals(Json.namespace(o))) {
                out.add(o);
            }
        }
        return out;
    }

    /**
     * Stored trees of a type in a namespace (null = all) after the given namespace/name key, as they were at
     * resourceVersion {@code at}: the retained history is rolled back from the current state. Null when the history
     * no longer reaches back to {@code at} (the snapshot can no longer be served, as after etcd compaction).
     */
    public List<Map<String, Object>> listAt(ResourceType type, String namespace, long at, String afterKey) {
        if (at + 1 < oldestRetained || at > resourceVersion) {
            return null;
        }
        TreeMap<String, Map<String, Object>> snapshot = new TreeMap<>(table(type).tailMap(afterKey, false));
        Iterator<Change> newestFirst = history.descendingIterator();
        while (newestFirst.hasNext()) {
            Change c = newestFirst.next();
            if (c.resourceVersion() <= at) {
                break;
            }
            if (!c.type().equals(type)) {
                continue;
            }
            Map<String, Object> object = c.object();
            String k = key(type.namespaced() ? Json.namespace(object) : null, Json.name(object));
            if (k.compareTo(afterKey) <= 0) {
                continue;
            }
            if (c.previous() == null) {
                snapshot.remove(k);
            } else {
                snapshot.put(k, c.previous());
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> o : snapshot.values()) {
            if (namespace == null || !type.namespaced() || namespace.equals(Json.namespace(o))) {
                out.add(o);
            }
        }
        return out;
    }

    public static String continueKey(Map<String, Object> object) {
        return key(Json.namespace(object), Json.name(object));
    }

    /** Stores a tree under a new resourceVersion and fans the change out; returns the stored tree. */
    public Map<String, Object> put(ResourceType type, Map<String, Object> object) {
        String k = key(type.namespaced() ? Json.namespace(object) : null, Json.name(object));
        Map<String, Object> old = table(type).get(k);
        resourceVersion++;
        Json.metadata(object).put("resourceVersion", Long.toString(resourceVersion));
        table(type).put(k, object);
        publish(new Change(type, old == null ? "ADDED" : "MODIFIED", old, object, resourceVersion, old));
        return object;
    }

    /** Removes a tree; the DELETED event carries the object at a new resourceVersion. */
    public Map<String, Object> remove(ResourceType type, String namespace, String name) {
        Map<String, Object> old = table(type).remove(key(type.namespaced() ? namespace : null, name));
        if (old == null) {
            return null;
        }
        resourceVersion++;
        Map<String, Object> gone = Json.copy(old);
        Json.metadata(gone).put("resourceVersion", Long.toString(resourceVersion));
        publish(new Change(type, "DELETED", gone, null, resourceVersion, old));
        return gone;
    }

    private void publish(Change change) {
        history.add(change);
        while (history.size() > historyLimit) {
            oldestRetained = history.poll().resourceVersion() + 1;
        }
        for (Watch w : watches) {
            if (w.closed) {
                watches.remove(w);
            } else if (w.type.equals(change.type())) {
                w.deliver(change);
            }
        }
        for (Consumer<Change> l : listeners) {
            l.accept(change);
        }
    }

    /** Forgets the event history, so that watches from any earlier resourceVersion get 410 Gone. */
    public void compact() {
        history.clear();
        oldestRetained = resourceVersion + 1;
    }

    /**
     * Opens a watch from a resourceVersion: replays the retained events after it, or answers 410 Gone when the
     * history no longer reaches back that far. Without a resourceVersion (or "0") the current objects are sent as
     * ADDED first. With {@code sendInitialEvents} a bookmark marks the end of the initial events.
     */
    public void watch(Watch watch, String fromResourceVersion, boolean sendInitialEvents) {
        if (fromResourceVersion == null || fromResourceVersion.isEmpty() || fromResourceVersion.equals("0")) {
            for (Map<String, Object> o : list(watch.type, watch.namespace)) {
                if (watch.selector.test(o)) {
                    watch.send("ADDED", o);
                }
            }
        } else {
            long from;
            try {
                from = Long.parseLong(fromResourceVersion);
            } catch (NumberFormatException e) {
                watch.send("ERROR", new ApiException(400, "BadRequest", "invalid resource version: \""
                        + fromResourceVersion + "\"").toStatus());
                watch.close(1000, "invalid resource version");
                return;
            }
            if (from + 1 < oldestRetained) {
                watch.send("ERROR", new ApiException(410, "Expired", "too old resource version: " + from + " ("
                        + (oldestRetained - 1) + ")").toStatus());
                watch.close(1000, "too old resource version");
                return;
            }
            for (Change c : history) {
                if (c.resourceVersion() > from && c.type().equals(watch.type)) {
                    watch.deliver(c);
                }
            }
        }
        if (watch.bookmarks && sendInitialEvents) {
            sendBookmark(watch, true);
        }
        watches.add(watch);
    }

    private void sendBookmark(Watch watch, boolean initialEventsEnd) {
        Map<String, Object> bookmark = new LinkedHashMap<>();
        bookmark.put("kind", watch.type.kind());
        bookmark.put("apiVersion", watch.type.apiVersion());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("resourceVersion", Long.toString(resourceVersion));
        if (initialEventsEnd) {
            meta.put("annotations", Map.of("k8s.io/initial-events-end", "true"));
        }
        bookmark.put("metadata", meta);
        watch.send("BOOKMARK", bookmark);
    }

    /** Sends a BOOKMARK at the current resourceVersion to one watch, if it asked for bookmarks and is open. */
    public void bookmark(Watch watch) {
        if (watch.bookmarks && !watch.closed) {
            sendBookmark(watch, false);
        }
    }

    /** Sends a BOOKMARK at the current resourceVersion to every watch that asked for bookmarks. */
    public void bookmarks() {
        for (Watch w : watches) {
            if (w.bookmarks && !w.closed) {
                sendBookmark(w, false);
            }
        }
    }

    /** Whether any watch is registered; safe to call from any thread. */
    public boolean hasWatches() {
        return !watches.isEmpty();
    }

    /** Closes the open watches of a resource type (null = all); returns how many were closed. */
    public int dropWatches(ResourceType type) {
        int n = 0;
        Iterator<Watch> it = watches.iterator();
        while (it.hasNext()) {
            Watch w = it.next();
            if (type == null || w.type.equals(type)) {
                if (!w.closed && w.sink.isOpen()) {
                    n++;
                }
                w.close(1000, "watch dropped by fault injection");
                watches.remove(w);
            }
        }
        return n;
    }

    /** Every stored tree of every type. */
    public List<Map.Entry<ResourceType, Map<String, Object>>> all() {
        List<Map.Entry<ResourceType, Map<String, Object>>> out = new ArrayList<>();
        objects.forEach((t, table) -> table.values().forEach(o -> out.add(Map.entry(t, o))));
        return out;
    }
}
