package org.ndisport.api.runtime;

/**
 * EventAdmin topics and property keys the runtime posts under {@code org/ndisport/}. Every event is
 * posted asynchronously ({@code postEvent}), and only while some {@code EventHandler} listens to its
 * topic; none is posted per frame. Events of one source (an adapter's phases, a port's states, the
 * binding layer's binds and unbinds) are posted from the thread that made the change, in order.
 */
public final class EventTopics {
    /** An adapter entered a phase. Properties: {@link #ADAPTER}, {@link #PHASE}. */
    public static final String ADAPTER_PHASE = "org/ndisport/adapter/PHASE";
    /** A port entered a state (transition flags included). Properties: {@link #ADAPTER}, {@link #PORT}, {@link #STATE}. */
    public static final String PORT_STATE = "org/ndisport/port/STATE";
    /**
     * A verifier record of severity VIOLATION. Properties: {@link #ADAPTER}, {@link #PORT}, {@link #RULE},
     * {@link #SEVERITY}, {@link #BUNDLE}, {@link #MESSAGE}, {@link #SEQUENCE}.
     */
    public static final String VIOLATION = "org/ndisport/verifier/VIOLATION";
    /** A verifier warning. Same properties as {@link #VIOLATION}. */
    public static final String WARNING = "org/ndisport/verifier/WARNING";
    /**
     * A protocol bound to an adapter (its bindAdapter returned SUCCESS). Properties: {@link #ADAPTER},
     * {@link #PROTOCOL}, {@link #BUNDLE}.
     */
    public static final String BINDING_BOUND = "org/ndisport/binding/BOUND";
    /**
     * A binding was closed (after the protocol's unbindAdapter). Properties: {@link #ADAPTER},
     * {@link #PROTOCOL}, {@link #BUNDLE}, {@link #REASON}.
     */
    public static final String BINDING_UNBOUND = "org/ndisport/binding/UNBOUND";

    /** Property (String): adapter name. */
    public static final String ADAPTER = "adapter";
    /** Property (String): an {@link AdapterPhase} name. */
    public static final String PHASE = "phase";
    /** Property (Long): port number read unsigned; -1 for a record that concerns no port. */
    public static final String PORT = "port";
    /** Property (String): a {@link PortState} name. */
    public static final String STATE = "state";
    /** Property (String): rule id (R…, D…, N…). */
    public static final String RULE = "rule";
    /** Property (String): a {@link Severity} name. */
    public static final String SEVERITY = "severity";
    /** Property (String): symbolic name of the bundle concerned (the calling driver's, or the protocol's). */
    public static final String BUNDLE = "bundle";
    /** Property (String): message. */
    public static final String MESSAGE = "message";
    /** Property (Long): record sequence number. */
    public static final String SEQUENCE = "sequence";
    /** Property (String): protocol name ({@code ndisport.protocol.name}, or its bundle's name). */
    public static final String PROTOCOL = "protocol";
    /**
     * Property (String): why a binding closed: an {@link org.ndisport.api.binding.UnbindReason} name,
     * {@link #REASON_PROTOCOL_REMOVED} or {@link #REASON_READY_AGAIN}.
     */
    public static final String REASON = "reason";
    /** {@link #REASON} value: the protocol's service went away. */
    public static final String REASON_PROTOCOL_REMOVED = "PROTOCOL_REMOVED";
    /** {@link #REASON} value: the adapter was announced ready again; its earlier bindings closed first. */
    public static final String REASON_READY_AGAIN = "READY_AGAIN";

    private EventTopics() {
    }
}
