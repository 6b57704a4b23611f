package org.ndisport.ioport.space.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ndisport.api.io.IoCaller;
import org.ndisport.api.io.IoPortRange;

/** An adapter as the port space sees it, keeping every record as "V R72" or "W D28". */
final class RecordingCaller implements IoCaller {
    final List<String> records = new CopyOnWriteArrayList<>();
    private final String name;
    private final List<IoPortRange> resources;
    private final boolean failFast;

    RecordingCaller(String name, List<IoPortRange> resources, boolean failFast) {
        this.name = new String(name);
        this.resources = resources;
        this.failFast = failFast;
    }

    RecordingCaller(String name) {
        this(name, List.of(), false);
    }

    @Override
    public String adapterName() {
        return name;
    }

    @Override
    public List<IoPortRange> assignedResources() {
        return resources;
    }

    @Override
    public void violation(String ruleId, String message) {
        records.add("V " + ruleId);
        if (failFast) {
            throw new IllegalStateException("FAIL_FAST " + ruleId + ": " + message);
        }
    }

    @Override
    public void warning(String ruleId, String message) {
        records.add("W " + ruleId);
    }
}
