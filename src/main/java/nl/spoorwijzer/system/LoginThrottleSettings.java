package nl.spoorwijzer.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed logins one client address may make before its logins are refused for a while (per address; the
 * per-account delay is the engine's, see {@code loginDelay*} in application.yaml).
 *
 * @param maxFailuresPerAddress failed logins from one address within {@code window} after which that address gets
 *                              429 for every login until its oldest failure leaves the window
 * @param window                the sliding window the failures are counted in
 * @param trackedAddresses      addresses remembered at most; beyond it, addresses whose failures all left the
 *                              window are forgotten first (bounds memory under a distributed attack)
 */
@ConfigurationProperties("spoorwijzer.security.login")
public record LoginThrottleSettings(@DefaultValue("20") int maxFailuresPerAddress,
                                    @DefaultValue("5m") Duration window,
                                    @DefaultValue("100000") int trackedAddresses) {

    public LoginThrottleSettings {
        if (maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("spoorwijzer.security.login.max-failures-per-address must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("spoorwijzer.security.login.window must be positive");
        }
        if (trackedAddresses < 1) {
            throw new IllegalArgumentException("spoorwijzer.security.login.tracked-addresses must be at least 1");
        }
    }
}
