/**
 * Pax Exam options that provision the whole ndisport runtime into a Pax Exam test in one line:
 * {@code options(NdisportOptions.ndisportRuntime(), …)}. Needs Pax Exam on the test class path; the
 * testkit bundle imports this package's Pax Exam dependencies optionally.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ndisport.testkit.paxexam;
