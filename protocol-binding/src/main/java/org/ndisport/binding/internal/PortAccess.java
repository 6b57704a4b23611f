package org.ndisport.binding.internal;

/**
 * How a port looks to one binding when it sends or issues an OID on it (spec §1.2 "open to a binding",
 * §2.5 protocol table), with the rule a refused request breaks.
 */
enum PortAccess {
    /** Open to the binding: the request goes on. */
    OPEN(null),
    /** ACTIVATING or ACTIVATED but not yet reported to the binding. */
    NOT_YET_REPORTED("R47"),
    /** The binding has returned from the in-flight deactivation event for the port. */
    AFTER_DEACTIVATION("P-2"),
    /** ALLOCATED with no event in flight, or NONEXISTENT. */
    INACTIVE("R46");

    private final String rule;

    PortAccess(String rule) {
        this.rule = rule;
    }

    /** The rule a request breaks, or null when the port is open. */
    String rule() {
        return rule;
    }
}
