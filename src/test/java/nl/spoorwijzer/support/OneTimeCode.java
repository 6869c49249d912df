package nl.spoorwijzer.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one-time code an authenticator app shows (TOTP, RFC 6238 over HOTP, RFC 4226: HMAC-SHA1, 6 digits, 30-second
 * steps — the Keycloak realm's OTP policy), computed here as the app would from the secret it was given.
 */
public final class OneTimeCode {

    public static final long STEP_SECONDS = 30;

    private OneTimeCode() {
    }

    /** The step (counter) an instant falls in. */
    public static long step(Instant at) {
        return at.getEpochSecond() / STEP_SECONDS;
    }

    /**
     * The code of a step for a secret as Keycloak keeps it (the setup form's {@code totpSecret}; the Base32 text and
     * QR code shown to people encode these same bytes).
     */
    public static String of(String secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ByteBuffer.wrap(hash, offset, Integer.BYTES).getInt() & 0x7fffffff;
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
