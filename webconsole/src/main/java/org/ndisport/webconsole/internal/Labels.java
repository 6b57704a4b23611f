package org.ndisport.webconsole.internal;

import java.util.Locale;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.LinkSpeed;
import org.ndisport.api.port.LinkState;
import org.ndisport.api.port.PortType;
import org.ndisport.api.runtime.PortView;

/** How the console spells port types, link and authorization states (as the shell does). */
final class Labels {
    private Labels() {
    }

    static String portType(PortView p) {
        if (p.portNumber() == 0) {
            return "default";
        }
        int type = p.type();
        return PortType.fromValue(type).map(t -> t.name().toLowerCase(Locale.ROOT)).orElse(Integer.toUnsignedString(type));
    }

    static String link(LinkState link) {
        String state = lower(link.mediaConnectState());
        return link.xmitLinkSpeed() == LinkSpeed.UNKNOWN ? state : state + " " + speed(link.xmitLinkSpeed());
    }

    static String auth(AuthStates a) {
        return lower(a.sendControlState()) + "/" + lower(a.rcvControlState()) + " " + lower(a.sendAuthorizationState())
                + "/" + lower(a.rcvAuthorizationState());
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String speed(long bps) {
        if (Long.compareUnsigned(bps, 1_000_000_000L) >= 0 && bps % 1_000_000_000L == 0) {
            return Long.toUnsignedString(bps / 1_000_000_000L) + "G";
        }
        return bps % 1_000_000L == 0 ? Long.toUnsignedString(bps / 1_000_000L) + "M" : Long.toUnsignedString(bps);
    }
}
