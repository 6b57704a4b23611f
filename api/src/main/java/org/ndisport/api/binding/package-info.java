/**
 * The contract between the port lifecycle engine and the binding layer (spec §4, D15-D17, D22, D34):
 * the engine hands adapter and port events to an {@link org.ndisport.api.binding.AdapterEventSink} and
 * offers each adapter to it as a {@link org.ndisport.api.binding.BindableAdapter}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ndisport.api.binding;
