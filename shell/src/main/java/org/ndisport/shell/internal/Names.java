package org.ndisport.shell.internal;

import java.util.Locale;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.LinkSpeed;
import org.ndisport.api.port.LinkState;
import org.ndisport.api.port.PortType;
import org.ndisport.testkit.scenario.Words;

/** How the shell spells phases, port types, link and auth states, and parses numbers. */
final class Names {
    private Names() {
    }

    static String portType(int type) {
        return PortType.fromValue(type).map(t -> t.name().toLowerCase(Locale.ROOT)).orElse(Integer.toUnsignedString(type));
    }

    static String link(LinkState link) {
        String state = link.mediaConnectState().name().toLowerCase(Locale.ROOT);
        return link.xmitLinkSpeed() == LinkSpeed.UNKNOWN ? state : state + " " + speed(link.xmitLinkSpeed());
    }

    static String auth(AuthStates a) {
        return lower(a.sendControlState()) + "/" + lower(a.rcvControlState()) + " " + lower(a.sendAuthorizationState())
                + "/" + lower(a.rcvAuthorizationState());
    }

    /** A decimal or 0x number; CommandFailed otherwise (null too: Gogo passes an unset variable as null). */
    static long number(String word) {
        if (word == null) {
            throw new CommandFailed("missing number (decimal or 0x hex)");
        }
        try {
            return Words.number(word);
        } catch (IllegalArgumentException e) {
            throw new CommandFailed(e.getMessage());
        }
    }

    /** A ULONG (decimal or 0x, up to 0xFFFFFFFF) as a Java int; CommandFailed otherwise. */
    static int ulong(String word) {
        return (int) number(word);
    }

    /** Each word as a ULONG; no words (or a null array) gives none. */
    static int[] ulongs(String... words) {
        if (words == null) {
            return new int[0];
        }
        int[] out = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            out[i] = ulong(words[i]);
        }
        return out;
    }

    /** An adapter name given to a command: CommandFailed when it is missing or blank (N53). */
    static String adapter(String name) {
        if (name == null || name.isBlank()) {
            throw new CommandFailed("missing adapter name");
        }
        return name;
    }

    private static String speed(long bps) {
        if (Long.compareUnsigned(bps, 1_000_000_000L) >= 0 && bps % 1_000_000_000L == 0) {
            return Long.toUnsignedString(bps / 1_000_000_000L) + "G";
        }
        return bps % 1_000_000L == 0 ? Long.toUnsignedString(bps / 1_000_000L) + "M" : Long.toUnsignedString(bps);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
