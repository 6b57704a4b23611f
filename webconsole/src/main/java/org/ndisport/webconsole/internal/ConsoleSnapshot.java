package org.ndisport.webconsole.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.ndisport.api.io.IoClaim;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.BindingView;
import org.ndisport.api.runtime.Bindings;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.api.runtime.Violation;

/**
 * What the console shows at one moment, read from the public API only. {@code bindings} and {@code claims} are
 * null when no binding layer or I/O port space runs; {@code violations} holds only the findings of {@code rule}
 * when a rule is given (empty string: all).
 */
record ConsoleSnapshot(List<AdapterView> adapters, List<BindingView> bindings, List<IoClaim> claims,
        VerifierMode verifierMode, long verifierTotal, String rule, List<Violation> violations) {
    /** A rule id as the verifier spells them (R46, D9, N55); case is ignored. */
    private static final Pattern RULE = Pattern.compile("[A-Za-z]{1,2}[0-9]{1,4}");

    /** Reads everything now; {@code rule} null or blank means every finding. */
    static ConsoleSnapshot of(NdisRuntime runtime, Bindings bindings, IoPortSpace space, String rule) {
        String r = normalizedRule(rule);
        List<Violation> all = runtime.verifier().violations();
        List<Violation> shown = r.isEmpty() ? all : all.stream().filter(v -> v.ruleId().equalsIgnoreCase(r)).toList();
        return new ConsoleSnapshot(runtime.adapters(), bindings == null ? null : bindings.bindings(),
                space == null ? null : space.claims(), runtime.verifier().mode(), runtime.verifier().total(), r,
                shown);
    }

    /**
     * The rule filter as given by a request: "" for none, else the id in upper case.
     *
     * @throws BadRequest when it is not a rule id
     */
    static String normalizedRule(String rule) {
        if (rule == null || rule.isBlank()) {
            return "";
        }
        String r = rule.strip();
        if (!RULE.matcher(r).matches()) {
            throw new BadRequest("rule '" + r + "' is not a rule id such as R46, D9 or N55");
        }
        return r.toUpperCase(Locale.ROOT);
    }

    /** A request the console refuses, with the reason shown to the user (HTTP 400). */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
