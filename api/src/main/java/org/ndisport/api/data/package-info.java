/**
 * The data path's structures (spec §2.5, §6): NET_BUFFER_LIST chains, OID requests and status
 * indications, each carrying a port number passed unchanged (R77).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ndisport.api.data;
