/**
 * The scenario runner: parses {@code .scn} files (format: {@code scenarios/FORMAT.md}) and runs them
 * against a live ndisport runtime through a {@link org.ndisport.testkit.scenario.ScenarioEnvironment}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ndisport.testkit.scenario;
