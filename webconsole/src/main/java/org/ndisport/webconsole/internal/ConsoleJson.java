package org.ndisport.webconsole.internal;

import org.ndisport.api.io.IoClaim;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.BindingView;
import org.ndisport.api.runtime.PortView;
import org.ndisport.api.runtime.Violation;

/** The console's data.json: a snapshot as JSON (the README's "Web console" section lists the members). */
final class ConsoleJson {
    private ConsoleJson() {
    }

    static String render(ConsoleSnapshot s) {
        Json j = new Json().beginObject();
        j.name("verifier").beginObject().name("mode").value(s.verifierMode().name()).name("total")
                .value(s.verifierTotal()).name("rule").value(s.rule()).endObject();
        j.name("adapters").beginArray();
        for (AdapterView a : s.adapters()) {
            adapter(j, a);
        }
        j.endArray();
        j.name("bindings");
        if (s.bindings() == null) {
            j.nullValue();
        } else {
            j.beginArray();
            for (BindingView b : s.bindings()) {
                j.beginObject().name("protocol").value(b.protocol()).name("protocolBundle").value(b.protocolBundle())
                        .name("adapter").value(b.adapter()).name("openPorts").beginArray();
                b.openPorts().forEach(p -> j.value(Integer.toUnsignedLong(p)));
                j.endArray().endObject();
            }
            j.endArray();
        }
        j.name("claims");
        if (s.claims() == null) {
            j.nullValue();
        } else {
            j.beginArray();
            for (IoClaim c : s.claims()) {
                j.beginObject().name("base").value(c.range().base()).name("count").value(c.range().count())
                        .name("range").value(c.range().toString()).name("adapter").value(c.adapter()).name("device")
                        .value(c.device()).endObject();
            }
            j.endArray();
        }
        j.name("violations").beginArray();
        for (Violation v : s.violations()) {
            j.beginObject().name("sequence").value(v.sequence()).name("rule").value(v.ruleId()).name("severity")
                    .value(v.severity().name()).name("adapter").value(v.adapter()).name("port");
            if (v.hasPort()) {
                j.value(v.port());
            } else {
                j.nullValue();
            }
            j.name("bundle").value(v.bundle()).name("time").value(v.time().toString()).name("message")
                    .value(v.message()).endObject();
        }
        return j.endArray().endObject().toString();
    }

    private static void adapter(Json j, AdapterView a) {
        j.beginObject().name("name").value(a.name()).name("driver").value(a.driver()).name("driverBundle")
                .value(a.driverBundle()).name("phase").value(a.phase().name()).name("phaseLabel")
                .value(a.phase().label()).name("haltScheduled").value(a.haltScheduled()).name("device")
                .value(a.device()).name("droppedIndications").value(a.droppedIndications()).name("ports").beginArray();
        for (PortView p : a.ports()) {
            j.beginObject().name("number").value(Integer.toUnsignedLong(p.portNumber())).name("state")
                    .value(p.state().name()).name("type").value(Labels.portType(p)).name("link")
                    .value(Labels.link(p.linkState())).name("auth").value(Labels.auth(p.authStates()))
                    .name("lastActivationFailed").value(p.lastActivationFailed()).name("framesSent")
                    .value(p.framesSent()).name("framesReceived").value(p.framesReceived())
                    .name("droppedIndications").value(p.droppedIndications()).endObject();
        }
        j.endArray().endObject();
    }
}
