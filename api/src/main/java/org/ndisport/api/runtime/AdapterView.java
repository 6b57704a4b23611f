package org.ndisport.api.runtime;

import java.util.List;

/**
 * A snapshot of one adapter.
 *
 * @param name                the adapter's unique name
 * @param driver              the driver's name
 * @param driverBundle        the symbolic name of the driver's bundle
 * @param phase               the phase (spec §1.1)
 * @param haltScheduled       a halt is decided and MiniportHaltEx not yet called
 * @param controlsDefaultPort the miniport set CONTROLS_DEFAULT_PORT
 * @param ports               every existing port, port 0 included, ascending
 * @param droppedIndications  receive and status indications dropped so far (D21)
 * @param device              the hardware device's name (its hardware id in brackets), or empty for a
 *                            virtual adapter
 */
public record AdapterView(String name, String driver, String driverBundle, AdapterPhase phase, boolean haltScheduled,
        boolean controlsDefaultPort, List<PortView> ports, long droppedIndications, String device) {

    /** Copies the port list. */
    public AdapterView {
        ports = List.copyOf(ports);
    }

    /** The port with that number, or null when it does not exist. */
    public PortView port(int portNumber) {
        for (PortView p : ports) {
            if (p.portNumber() == portNumber) {
                return p;
            }
        }
        return null;
    }
}
