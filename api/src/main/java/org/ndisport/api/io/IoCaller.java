package org.ndisport.api.io;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The calling adapter of an I/O port call, as the engine hands it to the {@link IoPortSpace}
 * (spec §5: the handle identifies the caller). Implemented by the engine.
 */
@ProviderType
public interface IoCaller {
    /** The adapter's name; claims are keyed by it. */
    String adapterName();

    /** The device's assigned I/O resources; empty when it has none (D25). */
    List<IoPortRange> assignedResources();

    /**
     * Records a verifier violation with this adapter and its calling bundle (D21). In FAIL_FAST mode
     * this throws {@code NdisVerifierException}; the I/O port space calls it before any effect.
     */
    void violation(String ruleId, String message);

    /** Records a warning; never throws. */
    void warning(String ruleId, String message);
}
