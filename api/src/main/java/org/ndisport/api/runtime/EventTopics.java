package org.ndisport.api.runtime;

/** EventAdmin topics and property keys the runtime posts under {@code org/ndisport/}. */
public final class EventTopics {
    /** An adapter changed phase. Properties: adapter, phase. */
    public static final String ADAPTER_PHASE = "org/ndisport/adapter/PHASE";
    /** A port changed state (transition flags included). Properties: adapter, port, state. */
    public static final String PORT_STATE = "org/ndisport/port/STATE";
    /** A verifier record. Properties: adapter, port, rule, severity, bundle, message, sequence. */
    public static final String VIOLATION = "org/ndisport/verifier/VIOLATION";
    /** A verifier warning. Same properties as {@link #VIOLATION}. */
    public static final String WARNING = "org/ndisport/verifier/WARNING";

    /** Property: adapter name. */
    public static final String ADAPTER = "adapter";
    /** Property: phase name. */
    public static final String PHASE = "phase";
    /** Property: port number (Long). */
    public static final String PORT = "port";
    /** Property: port state name. */
    public static final String STATE = "state";
    /** Property: rule id. */
    public static final String RULE = "rule";
    /** Property: severity name. */
    public static final String SEVERITY = "severity";
    /** Property: calling bundle. */
    public static final String BUNDLE = "bundle";
    /** Property: message. */
    public static final String MESSAGE = "message";
    /** Property: record sequence (Long). */
    public static final String SEQUENCE = "sequence";

    private EventTopics() {
    }
}
