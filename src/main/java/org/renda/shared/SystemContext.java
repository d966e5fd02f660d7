package org.renda.shared;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Lets startup jobs (demo data, the first administrator) act as the system, with no user signed in.
 * Their changes are still audited, under the name "system".
 */
public final class SystemContext {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private SystemContext() {}

    public static <T> T call(Supplier<T> work) {
        @Nullable Boolean previous = ACTIVE.get();
        ACTIVE.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                ACTIVE.remove();
            } else {
                ACTIVE.set(previous);
            }
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    public static boolean isActive() {
        return Boolean.TRUE.equals(ACTIVE.get());
    }
}
