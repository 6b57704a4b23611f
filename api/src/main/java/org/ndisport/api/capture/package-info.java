/**
 * Frame observation (N61): a whiteboard SPI through which the binding layer hands every frame sent or
 * received on an adapter's port to registered observers, such as the pcapng capture bundle.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ndisport.api.capture;
