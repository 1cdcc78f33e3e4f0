package dev.kubefluent.testing.internal.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** A controller reacting to store changes; called on the control-plane thread, in registration order. */
public interface Controller {

    /** type is "ADDED", "MODIFIED" or "DELETED"; oldObject is null for ADDED, newObject null for DELETED. */
    void onChange(String type, HasMetadata oldObject, HasMetadata newObject);
}
