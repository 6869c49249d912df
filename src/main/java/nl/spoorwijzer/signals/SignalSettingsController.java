package nl.spoorwijzer.signals;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.OffsetDateTime;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own choice of how signals reach him: each as its own e-mail ({@code SINGLE}, the default) or all of a
 * day in one e-mail the next morning ({@code DAILY_DIGEST}). There is deliberately no "off": switched-off signals are
 * how steps get missed.
 */
@RestController
@RequestMapping("/api/me/signal-settings")
class SignalSettingsController {

    private final SignalLedger ledger;
    private final IdentityService identity;
    private final Clock clock;

    SignalSettingsController(SignalLedger ledger, IdentityService identity, Clock clock) {
        this.ledger = ledger;
        this.identity = identity;
        this.clock = clock;
    }

    record SignalSettings(String delivery) {
    }

    @GetMapping
    @Operation(summary = "How the caller receives e-mail signals: SINGLE (each its own mail) or DAILY_DIGEST")
    SignalSettings get() {
        return new SignalSettings(ledger.deliveryOf(caller()).orElse(Delivery.SINGLE).name());
    }

    @PutMapping
    @Operation(summary = "Choose how the caller receives e-mail signals: SINGLE or DAILY_DIGEST")
    SignalSettings put(@RequestBody SignalSettings settings) {
        Delivery delivery = parse(settings == null ? null : settings.delivery());
        ledger.setDelivery(caller(), delivery, OffsetDateTime.now(clock));
        return new SignalSettings(delivery.name());
    }

    private static Delivery parse(String value) {
        try {
            return Delivery.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw RuleViolationException.invalid("delivery", "must be SINGLE or DAILY_DIGEST");
        }
    }

    private String caller() {
        return identity.getCurrentAuthentication().getUserId();
    }
}
