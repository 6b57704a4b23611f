package org.ndisport.ioport.space.internal;

import org.ndisport.api.io.IoCaller;
import org.ndisport.api.io.IoWidth;

/**
 * Access resolution of spec §5.4 (D26, D28) for one raw access: which bytes reach the bus and what is
 * recorded. The common case, every byte inside one range the caller mapped, is a few array reads and
 * identity checks: no lock, no allocation. Records are made before the access, so a FAIL_FAST
 * violation leaves the device untouched.
 */
final class AccessResolver {
    /** Bit mask: every byte of the access goes to the bus. */
    static final int ALL = Bus.ALL_BYTES;
    /** Bit mask: no byte goes to the bus (all ones, writes dropped). */
    static final int NONE = 0;

    private final ClaimTable claims;

    AccessResolver(ClaimTable claims) {
        this.claims = claims;
    }

    /** The bytes of a raw access that reach the bus, after recording what §5.4 says to record. */
    int resolveRaw(IoCaller caller, long port, IoWidth width, String call) {
        Claim first = claims.owner(port);
        if (first != null && first.ownedBy(caller) && wholly(first, port, width)) {
            return ALL;
        }
        int own = 0;
        boolean other = false;
        boolean former = false;
        for (int i = 0; i < width.bytes(); i++) {
            Claim c = claims.owner(Bus.byteAddress(port, i));
            if (c == null) {
                former |= claims.formerlyOwnedBy(Bus.byteAddress(port, i), caller);
            } else if (c.ownedBy(caller)) {
                own |= 1 << i;
            } else {
                other = true;
            }
        }
        if (other) {
            caller.violation("R72", call + " " + describe(port, width) + " touches a range claimed by another adapter: refused");
            return NONE;
        }
        if (former) {
            caller.violation("R69", call + " " + describe(port, width) + " after the range was deregistered");
            return own != 0 ? own : ALL;
        }
        if (own != 0) {
            caller.violation("R72", call + " " + describe(port, width) + " is not inside one registered range (D26)");
            return own;
        }
        caller.warning("D28", call + " " + describe(port, width) + " on unclaimed addresses");
        return ALL;
    }

    /**
     * The bytes of an {@code NdisImmediate…} access that reach the bus: refused on another adapter's
     * claim (violation N22, the runtime's own choice); performed with violation R66 on the caller's own
     * range; otherwise performed silently.
     */
    int resolveImmediate(IoCaller caller, long port, IoWidth width, String call) {
        boolean own = false;
        for (int i = 0; i < width.bytes(); i++) {
            Claim c = claims.owner(Bus.byteAddress(port, i));
            if (c != null && !c.ownedBy(caller)) {
                caller.violation("N22", call + " " + describe(port, width) + " touches a range claimed by another adapter: refused");
                return NONE;
            }
            own |= c != null;
        }
        if (own) {
            caller.violation("R66", call + " " + describe(port, width) + " on a range this adapter registered");
        }
        return ALL;
    }

    /** The bytes of a tool's bus access that reach the bus: none if any byte is claimed (R72), else all. */
    int resolveBus(long port, IoWidth width) {
        for (int i = 0; i < width.bytes(); i++) {
            if (claims.owner(Bus.byteAddress(port, i)) != null) {
                return NONE;
            }
        }
        return ALL;
    }

    private static boolean wholly(Claim c, long port, IoWidth width) {
        return c.range().containsAll(port, width.bytes());
    }

    private static String describe(long port, IoWidth width) {
        return String.format("of %d byte(s) at %04x", width.bytes(), port);
    }
}
