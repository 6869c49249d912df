package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Reading from the identity provider once ({@link ProviderOnce}): no request waits for another's read, a failure is
 * remembered for the pause (on the clock, moved here) and then read again, and what was read is kept.
 */
class ProviderOnceTest {

    private final MovableClock clock = new MovableClock();
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void whatWasReadIsKept() {
        ProviderOnce<String> once = new ProviderOnce<>("the document", () -> "read " + reads.incrementAndGet(), clock);

        assertThat(once.get()).isEqualTo("read 1");
        clock.move(Duration.ofDays(1));
        assertThat(once.get()).isEqualTo("read 1");
        assertThat(reads).hasValue(1);
    }

    @Test
    @Timeout(60) // a guard only: without the fix the second call would wait for the first
    void aRequestThatComesWhileAnotherReadsFailsAtOnceInsteadOfWaiting() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        ProviderOnce<String> once = new ProviderOnce<>("the document", () -> {
            reads.incrementAndGet();
            reading.countDown();
            await(answer);
            return "document";
        }, clock);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(once::get);
        reading.await();

        // The provider is still being read (the first request holds it until 'answer'): this one is not let wait.
        assertThatThrownBy(once::get).isInstanceOf(ProviderOnce.NotNow.class)
                .hasMessageContaining("being read for another request");

        answer.countDown();
        assertThat(first.get()).isEqualTo("document");
        assertThat(once.get()).isEqualTo("document");
        assertThat(reads).hasValue(1);
    }

    @Test
    void aFailureIsRememberedForThePauseAndThenTheProviderIsReadAgain() {
        ProviderOnce<String> once = new ProviderOnce<>("the document", () -> {
            if (reads.incrementAndGet() < 3) {
                throw new IllegalStateException("connection refused " + reads.get());
            }
            return "document";
        }, clock);

        assertThatThrownBy(once::get).isInstanceOf(IllegalStateException.class).isNotInstanceOf(ProviderOnce.NotNow.class)
                .hasMessage("connection refused 1");
        clock.move(ProviderOnce.PAUSE_AFTER_FAILURE.minusSeconds(1));
        assertThatThrownBy(once::get).isInstanceOf(ProviderOnce.NotNow.class)
                .hasMessageContaining("not tried again before").hasMessageContaining("connection refused 1");
        assertThat(reads).as("not asked within the pause").hasValue(1);

        clock.move(Duration.ofSeconds(1));
        assertThatThrownBy(once::get).hasMessage("connection refused 2");
        assertThat(reads).as("asked again once the pause has passed").hasValue(2);
        assertThatThrownBy(once::get).isInstanceOf(ProviderOnce.NotNow.class);

        clock.move(ProviderOnce.PAUSE_AFTER_FAILURE);
        assertThat(once.get()).isEqualTo("document");
        clock.move(Duration.ofSeconds(1));
        assertThat(once.get()).isEqualTo("document");
        assertThat(reads).hasValue(3);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now = Instant.parse("2026-12-06T12:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
