/**
 * The runtime as tools see it: adapters and their phases, ports and their states, the verifier and
 * its records, EventAdmin topics, and the {@link org.ndisport.api.runtime.NdisRuntime} service that
 * creates adapters programmatically.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ndisport.api.runtime;
