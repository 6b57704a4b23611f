package org.ndisport.api.data;

/** OID values the port model defines (spec §6). */
public final class Oids {
    /** Answered by the runtime: the ports open to the requesting binding (§6.1). */
    public static final int OID_GEN_ENUMERATE_PORTS = 0x0001020D;
    /** Answered by the runtime: one port's cached state (§6.2). */
    public static final int OID_GEN_PORT_STATE = 0x0001020E;
    /** Passed to the miniport: set a port's authentication parameters (§6.3). */
    public static final int OID_GEN_PORT_AUTHENTICATION_PARAMETERS = 0x0001020F;

    private Oids() {
    }
}
