/**
 * Test doubles for testing against ndisport: a {@link org.ndisport.testkit.ScriptedMiniport} whose
 * initialize and halt run what a test gives them, and a {@link org.ndisport.testkit.RecordingProtocol}
 * that records every event it sees.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ndisport.testkit;
