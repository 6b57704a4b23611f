package org.ndisport.binding.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ndisport.api.NdisStatus;
import org.ndisport.binding.internal.IoOps.IoCall;
import org.ndisport.binding.internal.ModelAdapter.Phase;

/**
 * The reference model of spec §5 (NdisMRegisterIoPortRange, NdisMDeregisterIoPortRange, the raw access
 * family and its resolution, the range state machine), R62–R74, D24–D30 and README N22, N24, written from
 * the tables alone: the claims per adapter instance, the addresses each instance formerly owned, and the
 * bytes of the two latch cards on the bus. Each call says what the runtime must return and record.
 */
final class IoModel {
    /** The I/O space (D25). */
    static final long SPACE = 0x10000;
    /** Card A: 16 byte latches at 0x300; card B: 8 at 0x310; nothing decodes 0x318 and up. */
    static final int CARD_A = 0x300;
    static final int CARD_A_SIZE = 16;
    static final int CARD_B = 0x310;
    static final int CARD_B_SIZE = 8;
    /** Adapter B's assigned I/O resources (D25); adapter A is virtual and has none. */
    static final int ASSIGNED_B = 0x308;
    static final int ASSIGNED_B_SIZE = 0x18;

    /** A MAPPED range: the adapter instance that claimed it, its name, base and count. */
    record Claim(String instance, String adapter, long base, long count) {
        boolean contains(long address) {
            return address >= base && address < base + count;
        }

        boolean overlaps(long from, long len) {
            return from < base + count && base < from + len;
        }

        @Override
        public String toString() {
            return adapter + " " + String.format("%04x-%04x", base, base + count - 1);
        }
    }

    final List<Claim> claims = new ArrayList<>();
    final Map<String, Set<Long>> formerly = new LinkedHashMap<>();
    final Map<String, Integer> generation = new LinkedHashMap<>();
    /** Names of instances whose initialize saw a registration fail (R65). */
    final Set<String> failedRegistration = new HashSet<>();
    final TreeMap<Long, Integer> latches = new TreeMap<>();

    IoModel() {
        for (long p = CARD_A; p < CARD_B + CARD_B_SIZE; p++) {
            latches.put(p, 0);
        }
    }

    IoModel copy() {
        IoModel c = new IoModel();
        c.claims.addAll(claims);
        formerly.forEach((k, v) -> c.formerly.put(k, new HashSet<>(v)));
        c.generation.putAll(generation);
        c.failedRegistration.addAll(failedRegistration);
        c.latches.putAll(latches);
        return c;
    }

    /** The instance now behind the name, after a create. */
    String current(String adapter) {
        return adapter + "#" + generation.getOrDefault(adapter, 0);
    }

    /** A new adapter instance under the name. */
    void created(String adapter) {
        generation.merge(adapter, 0, (old, zero) -> old + 1);
    }

    /** One I/O call by {@code instance} in {@code phase}; the result line, records into {@code e}. */
    String call(String instance, String adapter, Phase phase, IoCall c, boolean failFast, Expected e) {
        int before = e.records.size();
        return switch (c.kind()) {
            case REGISTER -> {
                String r = thrown(register(instance, adapter, phase, c, e), e, before, failFast);
                if (!r.startsWith("SUCCESS") && !r.equals("threw") && (phase == Phase.P0 || phase == Phase.P1)) {
                    failedRegistration.add(instance); // R65: a registration that threw returned no failure
                }
                yield r;
            }
            case DEREGISTER -> thrown(deregister(instance, adapter, phase, c, e), e, before, failFast);
            case READ_BUFFER, WRITE_BUFFER -> buffer(instance, adapter, c, failFast, e);
            default -> access(instance, adapter, c, c.port(), c.value(), failFast, e);
        };
    }

    /** In FAIL_FAST a (de)registration that recorded a violation throws; it changed nothing (§5.1, D27). */
    private static String thrown(String result, Expected e, int before, boolean failFast) {
        boolean violated = e.records.subList(before, e.records.size()).stream().anyMatch(r -> !r.warning());
        return failFast && violated ? "threw" : result;
    }

    /** §5.1 rows 1–5 (D24, D25, D26, D30). Registration in P1 records nothing that could throw. */
    private String register(String instance, String adapter, Phase phase, IoCall c, Expected e) {
        long base = c.port();
        long count = Integer.toUnsignedLong(c.count());
        NdisStatus s;
        if (phase == Phase.P0) {
            e.violation("R63", adapter, null);
            s = NdisStatus.FAILURE;
        } else if (phase != Phase.P1) {
            e.violation("R62", adapter, null);
            s = NdisStatus.FAILURE;
        } else if (count == 0 || base < 0 || base + count > SPACE || !insideAssigned(adapter, base, count)) {
            s = NdisStatus.FAILURE;
        } else if (claims.stream().anyMatch(k -> k.overlaps(base, count))) {
            s = NdisStatus.RESOURCE_CONFLICT;
        } else {
            claims.add(new Claim(instance, adapter, base, count));
            for (Set<Long> f : formerly.values()) {
                f.removeIf(p -> p >= base && p < base + count);
            }
            return IoOps.registered(NdisStatus.SUCCESS, base);
        }
        return IoOps.registered(s, 0);
    }

    private static boolean insideAssigned(String adapter, long base, long count) {
        return !adapter.equals("B") || (base >= ASSIGNED_B && base + count <= ASSIGNED_B + ASSIGNED_B_SIZE);
    }

    /** §5.2 rows 1–4 (D27): nothing changes unless the arguments match a MAPPED range exactly. */
    private String deregister(String instance, String adapter, Phase phase, IoCall c, Expected e) {
        long base = c.port();
        long count = Integer.toUnsignedLong(c.count());
        // an empty deregistration names its InitialPort (N60)
        List<Claim> mine = claims.stream()
                .filter(k -> k.instance().equals(instance) && k.overlaps(base, Math.max(count, 1))).toList();
        if (phase != Phase.P1 && phase != Phase.P3 || mine.isEmpty()) {
            e.violation("R68", adapter, null);
        } else {
            Claim exact = mine.stream().filter(k -> k.base() == base && k.count() == count && c.offset() == base)
                    .findFirst().orElse(null);
            if (exact == null) {
                e.violation("R67", adapter, null);
            } else {
                claims.remove(exact);
                Set<Long> f = formerly.computeIfAbsent(instance, k -> new HashSet<>());
                for (long p = base; p < base + count; p++) {
                    f.add(p);
                }
            }
        }
        return "done";
    }

    /**
     * §5.3: R73 for a buffer too short, nothing for Length 0 (D29), else §5.4 once per element (a record
     * per element); in FAIL_FAST the first element that records a violation throws.
     */
    private String buffer(String instance, String adapter, IoCall c, boolean failFast, Expected e) {
        int[] elements = new int[c.size()];
        java.util.Arrays.fill(elements, IoOps.mask(IoOps.FILL, c.width()));
        long length = Integer.toUnsignedLong(c.length());
        if (length != 0 && (c.start() < 0 || c.start() > c.size() || length > c.size() - c.start())) {
            e.violation("R73", adapter, null);
            return failFast ? "threw" : done(c, elements);
        }
        for (int i = 0; i < length; i++) {
            String r = access(instance, adapter, c, c.port(), c.element(i), failFast, e);
            if (r.equals("threw")) {
                return r;
            }
            if (!c.writes()) {
                elements[c.start() + i] = (int) Long.decode(r).longValue();
            }
        }
        return done(c, elements);
    }

    private static String done(IoCall c, int[] elements) {
        return c.writes() ? "done" : IoOps.elements(elements, c.width());
    }

    /**
     * §5.4 for raw calls, README N22 for immediate ones: which bytes are served by the bus (device or all
     * ones) and the record; in FAIL_FAST a violation throws with no access (D21).
     */
    private String access(String instance, String adapter, IoCall c, long port, int value, boolean failFast,
            Expected e) {
        int width = c.width();
        boolean oneOwnRange = claims.stream().anyMatch(k -> k.instance().equals(instance) && k.contains(port)
                && k.contains(port + width - 1));
        boolean anyOther = false;
        boolean anyOwn = false;
        boolean anyFormer = false;
        Set<Long> former = formerly.getOrDefault(instance, Set.of());
        for (int i = 0; i < width; i++) {
            long p = port + i;
            anyOther |= claimedBy(p, false, instance);
            anyOwn |= claimedBy(p, true, instance);
            anyFormer |= former.contains(p);
        }
        String rule = null;
        boolean warning = false;
        boolean refused = false;
        boolean onlyOwnBytes = false;
        if (c.immediate()) {
            if (anyOther) {
                rule = "N22";
                refused = true;
            } else if (anyOwn) {
                rule = "R66";
            }
        } else if (oneOwnRange) {
            rule = null;
        } else if (anyOther) {
            rule = "R72";
            refused = true;
        } else if (anyFormer) {
            rule = "R69";
            onlyOwnBytes = anyOwn;
        } else if (anyOwn) {
            rule = "R72";
            onlyOwnBytes = true;
        } else {
            rule = "D28";
            warning = true;
        }
        if (rule != null) {
            if (warning) {
                e.warning(rule, adapter, null);
            } else {
                e.violation(rule, adapter, null);
                if (failFast) {
                    return "threw";
                }
            }
        }
        int read = 0;
        for (int i = 0; i < width; i++) {
            long p = port + i;
            boolean served = !refused && (!onlyOwnBytes || claimedBy(p, true, instance));
            if (c.writes()) {
                if (served && latches.containsKey(p)) {
                    latches.put(p, (value >>> (8 * i)) & 0xFF);
                }
            } else {
                int b = served && latches.containsKey(p) ? latches.get(p) : 0xFF;
                read |= b << (8 * i);
            }
        }
        return c.writes() ? "done" : IoOps.hex(width, read);
    }

    private boolean claimedBy(long p, boolean own, String instance) {
        return claims.stream().anyMatch(k -> k.contains(p) && k.instance().equals(instance) == own);
    }

    /** Ranges left when initialize fails (R71) or halt returns (R70): one record each, then released. */
    void leftovers(String instance, String adapter, String rule, Expected e) {
        claims.removeIf(k -> {
            if (k.instance().equals(instance)) {
                e.violation(rule, adapter, null);
                return true;
            }
            return false;
        });
    }

    /** The claims as {@code IoPortSpace.claims()} lists them: adapter and range, ascending by address. */
    List<String> listed() {
        return claims.stream().sorted(java.util.Comparator.comparingLong(Claim::base)).map(Claim::toString).toList();
    }

    String fingerprint() {
        return claims + "" + formerly + latches.values();
    }
}
