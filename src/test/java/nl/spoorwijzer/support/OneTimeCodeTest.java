package nl.spoorwijzer.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OneTimeCodeTest {

    /** RFC 6238, appendix B (SHA-1 secret; its 8-digit values end in these 6 digits). */
    @Test
    void theRfcsTestValues() {
        String secret = "12345678901234567890";

        assertThat(OneTimeCode.of(secret, OneTimeCode.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(OneTimeCode.of(secret, OneTimeCode.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(OneTimeCode.of(secret, OneTimeCode.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
    }
}
