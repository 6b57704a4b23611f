/**
 * The miniport side (spec §2.1-§2.6, §3.1-§3.4, §5): the {@link org.ndisport.api.miniport.MiniportDriver}
 * SPI a third party implements and the {@link org.ndisport.api.miniport.NdisMiniportHandle} through
 * which it calls the runtime.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ndisport.api.miniport;
