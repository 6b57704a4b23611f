/**
 * I/O port ranges and emulated hardware (spec §5): ranges, widths, hardware devices, the emulated
 * device SPI and the I/O port space service that claims and resolves accesses.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ndisport.api.io;
