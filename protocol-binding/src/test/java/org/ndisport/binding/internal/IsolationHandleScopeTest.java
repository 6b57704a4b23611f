package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.BindingView;
import org.ndisport.api.runtime.PortView;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.api.runtime.Violation;
import org.ndisport.core.adapter.internal.AdapterRuntime;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/**
 * Isolation (N56): a binding handle is a capability of one binding of one adapter instance. After its
 * binding closed, or its adapter halted (even when a new adapter of the same name exists), it reaches
 * nothing. Calls are attributed to the bundle the handle was given to, whoever makes them. No view,
 * record, verifier exception or SourceHandle a driver sees holds a handle.
 */
class IsolationHandleScopeTest {
    private static final int OID = 0x00010202;
    private final BindingFixture fx = new BindingFixture();

    private static NetBufferList frame() {
        return NetBufferList.copyOf(new byte[] {1, 2, 3});
    }

    @Test
    @DisplayName("N56 a binding handle kept after its adapter halted reaches nothing, not even a new adapter of the same name")
    void n56_handleAfterHalt_reachesNothing() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport first = new ScriptedMiniport();
        AdapterRuntime a = fx.adapter("A", first);
        assertEquals(NdisStatus.SUCCESS, a.initialize());
        ProtocolBindingHandle stale = p.handle("A");
        a.halt(HaltAction.DEVICE_DISABLED);

        ScriptedMiniport second = new ScriptedMiniport();
        AdapterRuntime again = fx.adapter("A", second);
        assertEquals(NdisStatus.SUCCESS, again.initialize());
        ProtocolBindingHandle fresh = p.handle("A");
        assertTrue(fresh != stale);

        NetBufferList l = frame();
        stale.sendNetBufferLists(l, 0, 0);
        assertEquals(NdisStatus.CLOSING, l.status());
        assertEquals(NdisStatus.CLOSING, stale.oidRequest(OidRequest.query(OID, 0, 6)));
        assertEquals(List.of(), first.sendPorts);
        assertEquals(List.of(), second.sendPorts, "the new adapter of the same name saw nothing");
        assertEquals(List.of(), second.oids);
        assertEquals(List.of(), fx.records());

        fresh.sendNetBufferLists(frame(), 0, 0);
        assertEquals(List.of(0), second.sendPorts, "the new binding works");
    }

    @Test
    @DisplayName("N56 a handle used after its binding closed: sends and OIDs CLOSING, returns N15, completions D22; the next binding is untouched")
    void n56_handleAfterUnbind_closed() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        p.keepReceives = true;
        NetBufferList held = frame();
        m.handle.indicateReceiveNetBufferLists(held, 0, 1, 0);
        ProtocolBindingHandle stale = p.handle("A");
        fx.layer.unregister(p.entry);
        fx.assertOnlyRecord("N59", org.ndisport.api.runtime.Severity.VIOLATION, "A", -1, "p1");
        assertEquals(List.of(held), m.returned, "what it held was taken back at close");
        fx.engine.verifier.clear();
        RecordingProtocol next = fx.protocol("p2");
        next.keepReceives = true;

        NetBufferList l = frame();
        stale.sendNetBufferLists(l, 0, 0);
        assertEquals(NdisStatus.CLOSING, l.status());
        assertEquals(NdisStatus.CLOSING, stale.oidRequest(OidRequest.query(OID, 0, 6)));
        assertEquals(List.of(), m.sendPorts);
        assertEquals(List.of(), fx.records());

        NetBufferList other = frame();
        m.handle.indicateReceiveNetBufferLists(other, 0, 1, 0);
        stale.returnNetBufferLists(other, 0);
        fx.assertOnlyRecord("N15", org.ndisport.api.runtime.Severity.VIOLATION, "A", 0, "p1");
        fx.engine.verifier.clear();
        assertFalse(m.returned.contains(other), "p2 still holds it");
        next.handle("A").returnNetBufferLists(other, 0);
        assertTrue(m.returned.contains(other));
    }

    @Test
    @DisplayName("N56 calls are attributed to the bundle the handle was given to, whoever makes them")
    void n56_callerBundleIsTheHandlesOwner() {
        RecordingProtocol p = fx.protocol("p1");
        RecordingProtocol q = fx.protocol("p2");
        fx.adapter("A");
        ProtocolBindingHandle borrowed = p.handle("A");
        q.handle("A");
        borrowed.sendNetBufferLists(frame(), 9, 0);
        fx.assertOnlyRecord("R46", org.ndisport.api.runtime.Severity.VIOLATION, "A", 9, "p1");
    }

    @Test
    @DisplayName("N56 the SourceHandle a miniport sees on a sent list or an OID request is no handle it can call")
    void n56_sourceHandlesAreNotHandles() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        List<Object> seen = new ArrayList<>();
        m.sendCompletion = null;
        m.onOid = r -> {
            seen.add(r.ndisSourceHandle());
            return NdisStatus.SUCCESS;
        };
        NetBufferList l = frame();
        p.handle("A").sendNetBufferLists(l, 0, 0);
        seen.add(l.sourceHandle());
        OidRequest request = OidRequest.query(OID, 0, 6);
        p.handle("A").oidRequest(request);
        assertNull(request.ndisSourceHandle(), "cleared once the request is answered");
        for (Object source : seen) {
            assertNotNull(source);
            assertFalse(source instanceof ProtocolBindingHandle, "a miniport can read " + source);
            assertFalse(Modifier.isPublic(source.getClass().getModifiers()), source.getClass().getName());
            assertFalse(source.toString().contains("p1"), source.toString());
        }
        m.handle.sendNetBufferListsComplete(l, 0);
        assertEquals(List.of(l), p.sendCompletions);
    }

    @Test
    @DisplayName("N56 views, binding views and verifier records hold only values: no field can hold a handle")
    void n56_viewsAndRecordsHoldOnlyValues() {
        for (Class<?> type : List.of(AdapterView.class, PortView.class, BindingView.class, Violation.class)) {
            assertValueOnly(type, type.getSimpleName());
        }
    }

    @Test
    @DisplayName("N56 D21 a FAIL_FAST verifier exception carries a message and the record, no handle and no cause")
    void n56_verifierExceptionHoldsNoHandle() {
        BindingFixture strict = new BindingFixture(VerifierMode.FAIL_FAST, 30_000);
        RecordingProtocol p = strict.protocol("p1");
        strict.adapter("A");
        NdisVerifierException e = org.junit.jupiter.api.Assertions.assertThrows(NdisVerifierException.class,
                () -> p.handle("A").sendNetBufferLists(frame(), 9, 0));
        assertNull(e.getCause());
        assertFalse(e.getMessage().contains("Binding["), e.getMessage());
        assertEquals(List.of("R46"), strict.ruleIds());
    }

    private static final Set<Class<?>> VALUES = Set.of(String.class, Instant.class, Integer.class, Long.class,
            Boolean.class);

    /** Every component of record {@code type} is a primitive, a String, an enum, a value record or a list of them. */
    private static void assertValueOnly(Class<?> type, String path) {
        assertTrue(type.isRecord(), path + " is not a record: " + type);
        for (RecordComponent c : type.getRecordComponents()) {
            assertValueType(c.getGenericType(), path + "." + c.getName());
        }
    }

    private static void assertValueType(Type t, String path) {
        if (t instanceof ParameterizedType pt) {
            assertEquals(List.class, pt.getRawType(), path);
            assertValueType(pt.getActualTypeArguments()[0], path + "[]");
            return;
        }
        Class<?> c = (Class<?>) t;
        if (c.isPrimitive() || VALUES.contains(c) || c.isEnum()) {
            return;
        }
        if (c.isRecord()) {
            assertValueOnly(c, path);
            return;
        }
        assertTrue(c.getPackageName().equals("org.ndisport.api.port") && Modifier.isFinal(c.getModifiers())
                && onlyValueFields(c), path + " may hold a reference: " + c.getName());
    }

    /** A final class of the port package whose fields are all value types (LinkState, AuthStates ...). */
    private static boolean onlyValueFields(Class<?> c) {
        for (java.lang.reflect.Field f : c.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            Class<?> ft = f.getType();
            if (!(ft.isPrimitive() || VALUES.contains(ft) || ft.isEnum()
                    || ft.getPackageName().equals("org.ndisport.api.port") && onlyValueFields(ft))) {
                return false;
            }
        }
        return true;
    }
}
