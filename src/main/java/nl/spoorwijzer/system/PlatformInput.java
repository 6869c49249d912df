package nl.spoorwijzer.system;

import java.util.function.Supplier;

/**
 * Marks engine calls that a platform service makes on a person's behalf with input it has validated by its own
 * rules (the sick report of {@code POST /api/cases}): those calls are not checked against a form. Everything else a
 * signed-in person sends to the engine is.
 */
public final class PlatformInput {

    private static final ThreadLocal<Boolean> TRUSTED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private PlatformInput() {
    }

    public static <T> T trusted(Supplier<T> work) {
        boolean outer = TRUSTED.get();
        TRUSTED.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            TRUSTED.set(outer);
        }
    }

    public static boolean isTrusted() {
        return TRUSTED.get();
    }
}
