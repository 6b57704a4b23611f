package org.ndisport.webconsole.internal;

import java.util.Locale;
import org.ndisport.api.io.IoClaim;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.BindingView;
import org.ndisport.api.runtime.PortView;
import org.ndisport.api.runtime.Violation;

/**
 * The console's content as an HTML fragment (what the page shows and what each refresh puts in its place). Every
 * text from the runtime passes through {@link Html#escape}.
 */
final class ConsoleHtml {
    private final StringBuilder out = new StringBuilder();

    private ConsoleHtml() {
    }

    static String render(ConsoleSnapshot s) {
        ConsoleHtml h = new ConsoleHtml();
        h.adapters(s);
        h.bindings(s);
        h.claims(s);
        h.findings(s);
        return h.out.toString();
    }

    private void adapters(ConsoleSnapshot s) {
        out.append("<h2>Adapters</h2>");
        if (s.adapters().isEmpty()) {
            out.append("<p class=\"ndisport-empty\">no adapters</p>");
            return;
        }
        table("ndisport-adapters", "Adapter", "Phase", "Driver", "Driver bundle", "Device", "Ports", "Dropped");
        for (AdapterView a : s.adapters()) {
            out.append("<tr data-adapter=\"").append(Html.escape(a.name())).append("\">");
            cells(a.name(), a.phase().label() + (a.haltScheduled() ? " (halt scheduled)" : ""), a.driver(),
                    a.driverBundle(), a.device().isEmpty() ? "-" : a.device(), a.ports().size(),
                    a.droppedIndications());
            out.append("</tr>");
        }
        out.append("</tbody></table>");
        for (AdapterView a : s.adapters()) {
            ports(a);
        }
    }

    private void ports(AdapterView a) {
        out.append("<h3>Ports of ").append(Html.escape(a.name())).append("</h3>");
        out.append("<div class=\"ndisport-diagram-box\">").append(PortStateDiagram.render(a)).append("</div>");
        if (a.ports().isEmpty()) {
            out.append("<p class=\"ndisport-empty\">no ports (").append(Html.escape(a.phase().label())).append(")</p>");
            return;
        }
        table("ndisport-ports", "Port", "State", "Type", "Link", "Auth (send/rcv control, send/rcv auth)", "Sent",
                "Received", "Dropped");
        for (PortView p : a.ports()) {
            String state = p.state().name().toLowerCase(Locale.ROOT);
            out.append("<tr data-adapter=\"").append(Html.escape(a.name())).append("\" data-port=\"")
                    .append(Integer.toUnsignedString(p.portNumber())).append("\" data-state=\"").append(state)
                    .append("\">");
            cells(Integer.toUnsignedString(p.portNumber()), state + (p.lastActivationFailed() ? " (activation failed)" : ""),
                    Labels.portType(p), Labels.link(p.linkState()), Labels.auth(p.authStates()), p.framesSent(),
                    p.framesReceived(), p.droppedIndications());
            out.append("</tr>");
        }
        out.append("</tbody></table>");
    }

    private void bindings(ConsoleSnapshot s) {
        out.append("<h2>Bindings</h2>");
        if (s.bindings() == null) {
            out.append("<p class=\"ndisport-empty\">no binding layer is running</p>");
            return;
        }
        if (s.bindings().isEmpty()) {
            out.append("<p class=\"ndisport-empty\">no bindings</p>");
            return;
        }
        table("ndisport-bindings", "Protocol", "Protocol bundle", "Adapter", "Open ports");
        for (BindingView b : s.bindings()) {
            out.append("<tr>");
            cells(b.protocol(), b.protocolBundle(), b.adapter(), b.openPorts().stream()
                    .map(Integer::toUnsignedString).reduce((x, y) -> x + ", " + y).orElse("-"));
            out.append("</tr>");
        }
        out.append("</tbody></table>");
    }

    private void claims(ConsoleSnapshot s) {
        out.append("<h2>I/O port claims</h2>");
        if (s.claims() == null) {
            out.append("<p class=\"ndisport-empty\">no I/O port space is running</p>");
            return;
        }
        if (s.claims().isEmpty()) {
            out.append("<p class=\"ndisport-empty\">no I/O port ranges claimed</p>");
            return;
        }
        table("ndisport-claims", "Range", "Adapter", "Device");
        for (IoClaim c : s.claims()) {
            out.append("<tr>");
            cells(c.range().toString(), c.adapter(), c.device().isEmpty() ? "-" : c.device());
            out.append("</tr>");
        }
        out.append("</tbody></table>");
    }

    private void findings(ConsoleSnapshot s) {
        out.append("<h2>Verifier findings</h2><p class=\"ndisport-verifier\">verifier ")
                .append(Html.escape(s.verifierMode().name())).append(": ").append(s.verifierTotal())
                .append(" recorded in all").append(s.rule().isEmpty() ? "" : "; showing rule " + Html.escape(s.rule()))
                .append("</p>");
        if (s.violations().isEmpty()) {
            out.append("<p class=\"ndisport-empty\">no findings").append(s.rule().isEmpty() ? "" : " match")
                    .append("</p>");
            return;
        }
        table("ndisport-findings", "#", "Rule", "Severity", "Adapter", "Port", "Bundle", "Time", "Message");
        for (Violation v : s.violations()) {
            out.append("<tr data-rule=\"").append(Html.escape(v.ruleId())).append("\">");
            cells(v.sequence(), v.ruleId(), v.severity().name().toLowerCase(Locale.ROOT), v.adapter(),
                    v.hasPort() ? Long.toString(v.port()) : "-", v.bundle(), v.time().toString(), v.message());
            out.append("</tr>");
        }
        out.append("</tbody></table>");
    }

    private void table(String cssClass, String... headers) {
        out.append("<table class=\"nicetable ").append(cssClass).append("\"><thead><tr>");
        for (String h : headers) {
            out.append("<th>").append(Html.escape(h)).append("</th>");
        }
        out.append("</tr></thead><tbody>");
    }

    private void cells(Object... values) {
        for (Object v : values) {
            out.append("<td>").append(Html.escape(String.valueOf(v))).append("</td>");
        }
    }
}
