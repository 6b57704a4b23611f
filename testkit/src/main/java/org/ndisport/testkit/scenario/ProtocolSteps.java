package org.ndisport.testkit.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.Oids;
import org.ndisport.api.port.NdisPortArray;
import org.ndisport.api.port.NdisPortState;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.testkit.RecordingProtocol;

/** Protocol steps: {@code P send A N count=K} and {@code P oid A N enumerate-ports|port-state}. */
final class ProtocolSteps {
    /** The information buffer an enumerate-ports query gets when the step names none. */
    static final int DEFAULT_OID_BUFFER = 1 << 20;

    private ProtocolSteps() {
    }

    static Outcome run(Step step, RecordingProtocol protocol, long timeoutMillis) {
        List<String> w = step.words();
        String adapter = w.get(1);
        int port = Words.uint(w.get(2));
        if (protocol.binding(adapter).isEmpty()) {
            throw new StepFailure(step.line(), protocol.name() + " has no binding to " + adapter);
        }
        try {
            return Words.keyword(w.get(0)).equals("send")
                    ? send(step, protocol, adapter, port, Words.uint(Syntax.value(w.get(3), "count")), timeoutMillis)
                    : oid(step, protocol, adapter, port, timeoutMillis);
        } catch (NdisVerifierException e) {
            return Outcome.violation(e.ruleId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure(step.line(), "interrupted");
        }
    }

    private static Outcome send(Step step, RecordingProtocol p, String adapter, int port, int count, long timeout)
            throws InterruptedException {
        Optional<List<NdisStatus>> statuses = p.sendAndAwait(adapter, port, count, timeout);
        if (statuses.isEmpty()) {
            throw new StepFailure(step.line(), "not every send completed within " + timeout + " ms");
        }
        List<NdisStatus> all = statuses.get();
        if (all.stream().distinct().count() != 1) {
            throw StepFailure.expected(step.line(), step.expected(), "completions " + all);
        }
        return Outcome.of(all.get(0));
    }

    private static Outcome oid(Step step, RecordingProtocol p, String adapter, int port, long timeout)
            throws InterruptedException {
        List<String> w = step.words();
        boolean enumerate = Words.keyword(w.get(3)).equals("enumerate-ports");
        int buffer = enumerate ? (w.size() == 5 ? Words.uint(Syntax.value(w.get(4), "buffer")) : DEFAULT_OID_BUFFER)
                : NdisPortState.SIZE;
        OidRequest request = OidRequest.query(enumerate ? Oids.OID_GEN_ENUMERATE_PORTS : Oids.OID_GEN_PORT_STATE,
                port, buffer);
        NdisStatus status = p.oidAndAwait(adapter, request, timeout)
                .orElseThrow(() -> new StepFailure(step.line(), "the pended OID did not complete within " + timeout + " ms"));
        Map<String, Object> details = new HashMap<>();
        details.put("needed", Integer.toUnsignedLong(request.bytesNeeded()));
        if (request.informationBuffer() instanceof NdisPortArray array) {
            List<Long> ports = new ArrayList<>();
            for (PortCharacteristics c : array.ports()) {
                ports.add(Integer.toUnsignedLong(c.portNumber()));
            }
            details.put("ports", ports);
        }
        return Outcome.of(status, details);
    }
}
