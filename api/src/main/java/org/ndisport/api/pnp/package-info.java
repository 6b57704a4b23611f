/**
 * Network PnP events (spec §1.4, §1.5, §2.3, §2.4): event codes, NET_PNP_EVENT and
 * NET_PNP_EVENT_NOTIFICATION with factories for port activation and deactivation.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ndisport.api.pnp;
