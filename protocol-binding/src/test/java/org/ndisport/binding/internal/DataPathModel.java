package org.ndisport.binding.internal;

import static org.ndisport.api.NdisStatus.CLOSING;
import static org.ndisport.api.NdisStatus.INVALID_PORT;
import static org.ndisport.api.NdisStatus.SUCCESS;

import org.ndisport.api.NdisStatus;
import org.ndisport.api.runtime.PortState;
import org.ndisport.binding.internal.ModelAdapter.Phase;
import org.ndisport.binding.internal.ModelAdapter.Port;

/** The model of spec §2.5 (requests and indications against port state), §6.2's port check and §6.4's. */
final class DataPathModel {
    private DataPathModel() {
    }

    /** A receive indication at a step boundary. */
    static Expected receive(ModelAdapter a, int n) {
        Expected e = new Expected();
        e.unorderedLog = true;
        receive(a, n, e);
        return e;
    }

    /** A receive indication, at a step boundary or inside a callback: delivered to every binding it is open to, or dropped. */
    static void receive(ModelAdapter a, int n, Expected e) {
        Port p = a.ports.get(n);
        if (p != null && a.inFlight.contains(n)) {
            e.violation(p.formal == PortState.ALLOCATED ? "R18" : "R32", a.name, n);
        } else if (p != null && p.formal == PortState.ACTIVATED) {
            for (int j = 0; j < a.bindings.size(); j++) {
                if (a.isOpen(j, n)) {
                    e.log.add(a.bindings.get(j) + " receive " + a.name + " port=" + n);
                }
            }
            return;
        } else {
            e.violation(p != null && p.failed ? "R19" : "R11", a.name, n);
        }
        a.dropped++;
    }

    /** A status indication at a step boundary (§2.5, §6.4). */
    static Expected status(ModelAdapter a, StatusSpec s) {
        Expected e = new Expected();
        e.unorderedLog = true;
        status(a, s, e);
        return e;
    }

    /**
     * A status indication, at a step boundary or inside a callback: R59 in P0 and P4; R50 for a malformed
     * NDIS_STATUS_PORT_STATE; on port 0 any other code is accepted whatever its state (R44) and reaches
     * every binding; else the port rows of §2.5 (R18, R32, R19, R48) as for receives. Returns whether it
     * recorded a violation.
     */
    static boolean status(ModelAdapter a, StatusSpec s, Expected e) {
        int n = s.port();
        Port p = a.ports.get(n);
        String rule;
        if (a.phase == Phase.P0 || a.phase == Phase.P4) {
            rule = "R59";
        } else if (s.portState() && !s.wellFormed()) {
            rule = "R50";
        } else if (n == 0 && !s.portState()
                || p != null && p.formal == PortState.ACTIVATED && !a.inFlight.contains(n)) {
            for (int j = 0; j < a.bindings.size(); j++) {
                if (a.isOpen(j, n)) {
                    e.log.add(a.bindings.get(j) + " status " + a.name + " port=" + Integer.toUnsignedString(n)
                            + " code=" + Integer.toHexString(s.code()));
                }
            }
            return false;
        } else if (p != null && a.inFlight.contains(n)) {
            rule = p.formal == PortState.ALLOCATED ? "R18" : "R32";
        } else {
            rule = p != null && p.failed ? "R19" : "R48";
        }
        e.violation(rule, a.name, rule.equals("R59") ? null : n);
        a.dropped++;
        return true;
    }

    /** A send by a bound protocol, at a step boundary or inside a callback. */
    static void send(ModelAdapter a, String protocol, int n, Expected e) {
        NdisStatus s = request(a, protocol, n, e);
        if (s == SUCCESS) {
            e.sent(a.name, n);
        }
        e.log.add(protocol + " sendComplete " + a.name + " port=" + n + " " + s);
    }

    /** OID_GEN_PORT_STATE from a bound protocol (§6.2, D19): answered when the port is open to it. */
    static Expected queryPortState(ModelAdapter a, String protocol, int n) {
        Expected e = new Expected();
        e.status = request(a, protocol, n, e);
        return e;
    }

    /** A protocol request on port n: SUCCESS when open to it (§1.2), else INVALID_PORT and R47, P-2 or R46. */
    private static NdisStatus request(ModelAdapter a, String protocol, int n, Expected e) {
        if (a.isOpen(a.bindings.indexOf(protocol), n)) {
            return SUCCESS;
        }
        boolean inFlight = a.inFlight.contains(n);
        e.violationBy(protocol, inFlight && a.activating ? "R47" : inFlight ? "P-2" : "R46", a.name, n);
        return INVALID_PORT;
    }

    /** A send on the handle of a closed binding: CLOSING, reaching nothing (README, binding section). */
    static Expected sendOnClosedBinding(String protocol, String adapter, int n) {
        Expected e = new Expected();
        e.log.add(protocol + " sendComplete " + adapter + " port=" + n + " " + CLOSING);
        return e;
    }
}
