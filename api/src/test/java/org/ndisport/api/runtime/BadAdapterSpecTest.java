package org.ndisport.api.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndisport.api.NdisObjectHeader;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportInitParameters;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.PortAuthenticationParameters;

/** Bad input to AdapterSpec, MiniportInitParameters and MiniportAttributes (N41). */
class BadAdapterSpecTest {
    private static final MiniportDriver DRIVER = new MiniportDriver() {
        @Override
        public NdisStatus initialize(NdisMiniportHandle handle, MiniportInitParameters parameters) {
            return NdisStatus.SUCCESS;
        }

        @Override
        public void halt(NdisMiniportHandle handle, HaltAction action) {
        }
    };

    private static AdapterSpec spec(String name, List<IoPortRange> resources) {
        return new AdapterSpec(name, DRIVER, "drv", "bundle", AuthStates.UNCONTROLLED_UNKNOWN, resources, -1, false);
    }

    @Test
    @DisplayName("N41 every required field of AdapterSpec refuses null, naming it, in the factories too")
    void n41_nullFields_nullPointerNamingThem() {
        assertEquals("name", assertThrows(NullPointerException.class, () -> spec(null, List.of())).getMessage());
        assertEquals("ioResources", assertThrows(NullPointerException.class, () -> spec("a", null)).getMessage());
        assertEquals("driver", assertThrows(NullPointerException.class,
                () -> AdapterSpec.virtual("a", null, "b")).getMessage());
        assertEquals("driverBundle", assertThrows(NullPointerException.class,
                () -> AdapterSpec.virtual("a", DRIVER, null)).getMessage());
        assertEquals("device", assertThrows(NullPointerException.class,
                () -> AdapterSpec.hardware(null, DRIVER, "d", "b")).getMessage());
        assertEquals("defaultAuthStates", assertThrows(NullPointerException.class,
                () -> new AdapterSpec("a", DRIVER, "d", "b", null, List.of(), -1, false)).getMessage());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "\t\n"})
    @DisplayName("N41 an empty or blank adapter name is refused")
    void n41_blankName_illegalArgument(String name) {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AdapterSpec.virtual(name, DRIVER, "b"))
                .getMessage().contains("name"));
    }

    @Test
    @DisplayName("N41 a huge name is accepted as given (names are compared exactly)")
    void n41_hugeName_accepted() {
        String huge = "x".repeat(1 << 20);
        assertEquals(huge, AdapterSpec.virtual(huge, DRIVER, "b").name());
    }

    @Test
    @DisplayName("N41 a null resource element is refused naming the resources; the list is an immutable copy")
    void n41_resources_nullElementRefused_copied() {
        List<IoPortRange> withNull = Arrays.asList(new IoPortRange(0x300, 0x20), null);
        assertTrue(assertThrows(NullPointerException.class, () -> spec("a", withNull)).getMessage()
                .startsWith("ioResources"));
        PortAuthenticationParameters auth = PortAuthenticationParameters.of(AuthStates.UNCONTROLLED_UNKNOWN);
        assertTrue(assertThrows(NullPointerException.class, () -> new MiniportInitParameters("a", auth, withNull, -1))
                .getMessage().startsWith("ioResources"));
        List<IoPortRange> source = new ArrayList<>(List.of(new IoPortRange(0x300, 0x20)));
        AdapterSpec s = spec("a", source);
        source.clear();
        assertEquals(1, s.ioResources().size());
        assertThrows(UnsupportedOperationException.class, () -> s.ioResources().clear());
    }

    @Test
    @DisplayName("N41 MiniportInitParameters refuses null name and auth states, naming them")
    void n41_initParameters_nullFieldsRefused() {
        PortAuthenticationParameters auth = PortAuthenticationParameters.of(AuthStates.UNCONTROLLED_UNKNOWN);
        assertEquals("adapterName", assertThrows(NullPointerException.class,
                () -> new MiniportInitParameters(null, auth, List.of(), -1)).getMessage());
        assertEquals("defaultPortAuthStates", assertThrows(NullPointerException.class,
                () -> new MiniportInitParameters("a", null, List.of(), -1)).getMessage());
    }

    @Test
    @DisplayName("N4 MiniportAttributes holds any header and flags; the runtime answers INVALID_PARAMETER or BAD_VERSION")
    void n4_attributes_anyValuesExpressible() {
        MiniportAttributes a = new MiniportAttributes(null, -1, null);
        assertTrue(a.controlsDefaultPort(), "all flags set include CONTROLS_DEFAULT_PORT");
        MiniportAttributes b = new MiniportAttributes(new NdisObjectHeader(0x9E, 0x100, -1), 0, "ctx");
        assertEquals(0, b.header().revision());
        assertEquals(0xFFFF, b.header().size());
    }
}
