package org.ndisport.webconsole.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.PortView;

/**
 * An adapter's port-state diagram as inline SVG: the states ALLOCATED → ACTIVATING → ACTIVATED → DEACTIVATING
 * (and back to ALLOCATED), each box holding its count and the numbers of the ports in that state.
 */
final class PortStateDiagram {
    static final List<PortState> STATES = List.of(PortState.ALLOCATED, PortState.ACTIVATING, PortState.ACTIVATED,
            PortState.DEACTIVATING);
    /** Port numbers listed per box; more are summed up as "+N". */
    static final int SHOWN_PER_STATE = 8;
    private static final int BOX_W = 140;
    private static final int BOX_H = 64;
    private static final int GAP = 40;
    private static final int TOP = 8;

    private PortStateDiagram() {
    }

    static String render(AdapterView adapter) {
        Map<PortState, List<PortView>> byState = new EnumMap<>(PortState.class);
        STATES.forEach(s -> byState.put(s, new ArrayList<>()));
        for (PortView p : adapter.ports()) {
            List<PortView> list = byState.get(p.state());
            if (list != null) {
                list.add(p);
            }
        }
        int width = STATES.size() * BOX_W + (STATES.size() - 1) * GAP + 2;
        int height = TOP + BOX_H + 30;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"ndisport-diagram\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" data-adapter=\"").append(Html.escape(adapter.name()))
                .append("\"><title>port states of ").append(Html.escape(adapter.name())).append("</title>");
        for (int i = 0; i < STATES.size(); i++) {
            box(svg, STATES.get(i), byState.get(STATES.get(i)), x(i));
            if (i + 1 < STATES.size()) {
                arrow(svg, x(i) + BOX_W, x(i + 1), TOP + BOX_H / 2);
            }
        }
        // DEACTIVATING goes back to ALLOCATED: a line under the boxes
        int y = TOP + BOX_H + 16;
        int from = x(STATES.size() - 1) + BOX_W / 2;
        int to = x(0) + BOX_W / 2;
        svg.append("<polyline fill=\"none\" stroke=\"#666\" points=\"").append(from).append(',').append(TOP + BOX_H)
                .append(' ').append(from).append(',').append(y).append(' ').append(to).append(',').append(y)
                .append(' ').append(to).append(',').append(TOP + BOX_H + 6).append("\"/>");
        svg.append("<polygon fill=\"#666\" points=\"").append(to - 4).append(',').append(TOP + BOX_H + 6).append(' ')
                .append(to + 4).append(',').append(TOP + BOX_H + 6).append(' ').append(to).append(',')
                .append(TOP + BOX_H).append("\"/>");
        return svg.append("</svg>").toString();
    }

    private static int x(int i) {
        return 1 + i * (BOX_W + GAP);
    }

    private static void box(StringBuilder svg, PortState state, List<PortView> ports, int x) {
        boolean occupied = !ports.isEmpty();
        svg.append("<g class=\"ndisport-state\" data-state=\"").append(state.name()).append("\" data-count=\"")
                .append(ports.size()).append("\">");
        svg.append("<rect x=\"").append(x).append("\" y=\"").append(TOP).append("\" width=\"").append(BOX_W)
                .append("\" height=\"").append(BOX_H).append("\" rx=\"6\" fill=\"")
                .append(occupied ? fill(state) : "#f4f4f4").append("\" stroke=\"#555\"/>");
        svg.append("<text x=\"").append(x + BOX_W / 2).append("\" y=\"").append(TOP + 20)
                .append("\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\">").append(state.name())
                .append(" (").append(ports.size()).append(")</text>");
        StringBuilder numbers = new StringBuilder();
        for (int i = 0; i < ports.size() && i < SHOWN_PER_STATE; i++) {
            numbers.append(i == 0 ? "" : " ").append(Integer.toUnsignedString(ports.get(i).portNumber()));
        }
        if (ports.size() > SHOWN_PER_STATE) {
            numbers.append(" +").append(ports.size() - SHOWN_PER_STATE);
        }
        svg.append("<text class=\"ndisport-ports\" x=\"").append(x + BOX_W / 2).append("\" y=\"").append(TOP + 44)
                .append("\" text-anchor=\"middle\" font-size=\"12\">")
                .append(numbers.length() == 0 ? "-" : "ports " + numbers).append("</text></g>");
    }

    private static void arrow(StringBuilder svg, int from, int to, int y) {
        svg.append("<line x1=\"").append(from).append("\" y1=\"").append(y).append("\" x2=\"").append(to - 6)
                .append("\" y2=\"").append(y).append("\" stroke=\"#666\"/>");
        svg.append("<polygon fill=\"#666\" points=\"").append(to - 6).append(',').append(y - 4).append(' ')
                .append(to - 6).append(',').append(y + 4).append(' ').append(to).append(',').append(y)
                .append("\"/>");
    }

    private static String fill(PortState state) {
        return switch (state) {
            case ACTIVATED -> "#c8efc8";
            case ALLOCATED -> "#dde7f7";
            default -> "#fbe7b5";
        };
    }
}
