/**
 * NDIS port structures and enumerations (spec §1.2-§1.5): characteristics, the NDIS_PORT chain,
 * port state, port arrays and authentication parameters.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ndisport.api.port;
