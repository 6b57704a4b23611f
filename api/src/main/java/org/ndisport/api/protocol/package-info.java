/**
 * The protocol side (spec §4): the {@link org.ndisport.api.protocol.ProtocolDriver} SPI a third party
 * implements and the {@link org.ndisport.api.protocol.ProtocolBindingHandle} it calls the runtime with.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ndisport.api.protocol;
