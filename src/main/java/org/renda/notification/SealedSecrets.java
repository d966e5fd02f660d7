package org.renda.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The secrets of sealed e-mails (a first-sign-in password), held in this instance's memory only: the outbox row
 * carries the text with {@link Notifier#SECRET} in its place, and the dispatcher puts the secret in while it builds
 * the message. A secret is forgotten once its e-mail is sent or given up, and after {@link #LIFETIME} in any case;
 * a restart loses it, and the e-mail then fails (the password is printed on the slip or reset instead).
 */
@Component
class SealedSecrets {

    static final Duration LIFETIME = Duration.ofHours(24);
    static final String LOST = "sealed secret no longer held (restart or expiry): not sent";

    private record Held(String secret, Instant until) {}

    private final ConcurrentHashMap<Long, Held> byRow = new ConcurrentHashMap<>();

    void hold(long rowId, String secret) {
        byRow.put(rowId, new Held(secret, Instant.now().plus(LIFETIME)));
    }

    /** The ids of the rows whose secret is held and not yet expired. */
    Set<Long> held() {
        Instant now = Instant.now();
        byRow.entrySet().removeIf(e -> e.getValue().until().isBefore(now));
        return Set.copyOf(byRow.keySet());
    }

    /** The body with the secret in its place; unchanged when the row is not sealed. */
    String reveal(long rowId, String body) {
        Held h = byRow.get(rowId);
        return h == null ? body : body.replace(Notifier.SECRET, h.secret());
    }

    void forget(long rowId) {
        byRow.remove(rowId);
    }
}
