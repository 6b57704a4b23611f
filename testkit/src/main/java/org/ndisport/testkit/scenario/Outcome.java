package org.ndisport.testkit.scenario;

import java.util.List;
import java.util.Map;
import org.ndisport.api.NdisStatus;

/**
 * What a step's call gave: a status with details (port, offset, ports, needed), a value, values,
 * nothing (a call that returns nothing), or the verifier's exception with its rule id.
 */
record Outcome(NdisStatus status, Map<String, Object> details, Long value, List<Long> values, String violation) {
    static final Outcome NOTHING = new Outcome(null, Map.of(), null, null, null);

    static Outcome of(NdisStatus status) {
        return new Outcome(status, Map.of(), null, null, null);
    }

    static Outcome of(NdisStatus status, Map<String, Object> details) {
        return new Outcome(status, details, null, null, null);
    }

    static Outcome value(long value) {
        return new Outcome(null, Map.of(), value, null, null);
    }

    static Outcome values(List<Long> values) {
        return new Outcome(null, Map.of(), null, List.copyOf(values), null);
    }

    static Outcome violation(String ruleId) {
        return new Outcome(null, Map.of(), null, null, ruleId);
    }

    /** Throws a {@link StepFailure} at {@code line} unless this outcome is what {@code e} expects. */
    void check(int line, Expectation e) {
        String got = describe(e);
        boolean holds = switch (e.kind()) {
            case VIOLATION -> e.value().equals(violation);
            case VALUE -> value != null && value == Words.number(e.value());
            case VALUES -> values != null && values.equals(Words.numbers(e.value()));
            case STATUS -> violation == null && statusHolds(e);
        };
        if (!holds) {
            throw StepFailure.expected(line, e, got);
        }
    }

    private boolean statusHolds(Expectation e) {
        if (status == null) {
            return value == null && values == null && e.status() == NdisStatus.SUCCESS && e.detail() == null;
        }
        if (status != e.status()) {
            return false;
        }
        if (e.detail() == null) {
            return true;
        }
        Object actual = details.get(e.detailKey());
        Object wanted = e.detailKey().equals("ports") ? Words.numbers(e.value()) : (Object) Words.number(e.value());
        return wanted.equals(actual);
    }

    /** How the outcome reads in a failure, with the detail the expectation asks about. */
    String describe(Expectation e) {
        if (violation != null) {
            return "VIOLATION " + violation;
        }
        if (value != null) {
            return "value 0x" + Long.toHexString(value);
        }
        if (values != null) {
            return "values " + values;
        }
        if (status == null) {
            return "no status (the call returns nothing)";
        }
        String key = e.detailKey();
        Object detail = details.get(key);
        if (detail instanceof Long l && !key.equals("port") && !key.equals("needed")) {
            return status.name() + " " + key + " 0x" + Long.toHexString(l);
        }
        return status.name() + (detail == null ? "" : " " + key + " " + detail);
    }
}
