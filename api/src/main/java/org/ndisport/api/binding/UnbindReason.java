package org.ndisport.api.binding;

/** Why the engine asks the binding layer to close every binding of an adapter. */
public enum UnbindReason {
    /** Port 0 was deactivated (R34, D15). */
    DEFAULT_PORT_DEACTIVATED,
    /** A halt was scheduled (D34), including surprise removal. */
    HALT_SCHEDULED,
    /**
     * This binding layer is being removed or replaced: close its bindings; a replacement binds every
     * protocol again with the current ActivePorts.
     */
    BINDING_LAYER_STOPPING
}
