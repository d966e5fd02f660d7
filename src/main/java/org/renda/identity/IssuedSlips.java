package org.renda.identity;

import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.renda.identity.BulkAccounts.IssuedAccount;
import org.renda.shared.RandomCodes;
import org.springframework.stereotype.Component;

/**
 * Holds the accounts just created, with their first passwords, in the creator's session until the slips are
 * downloaded once, or {@link #KEPT} has passed: the page that reports the creation offers the download, and a second
 * download finds nothing. Sessions live in the database so that any instance serves the download, but every session
 * attribute is sealed (AES-GCM, the instances' {@code renda.cluster.session-key}) before it is written: the database
 * never holds a first password in the clear (see docs/cluster.md).
 */
@Component
public class IssuedSlips {

    static final Duration KEPT = Duration.ofMinutes(30);
    private static final String ATTRIBUTE = IssuedSlips.class.getName();

    private record Batch(List<IssuedAccount> accounts, Instant until) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** Keeps the batch; answers the key its one download takes. */
    public String keep(HttpSession session, List<IssuedAccount> accounts) {
        String key = RandomCodes.of(20);
        synchronized (session) {
            Map<String, Batch> batches = batches(session);
            batches.entrySet().removeIf(e -> e.getValue().until().isBefore(Instant.now()));
            batches.put(key, new Batch(List.copyOf(accounts), Instant.now().plus(KEPT)));
            session.setAttribute(ATTRIBUTE, batches);
        }
        return key;
    }

    /** The batch, removed from the session: it can be taken once. */
    public Optional<List<IssuedAccount>> take(HttpSession session, String key) {
        synchronized (session) {
            Map<String, Batch> batches = batches(session);
            Batch b = batches.remove(key);
            session.setAttribute(ATTRIBUTE, batches);
            return b == null || b.until().isBefore(Instant.now()) ? Optional.empty() : Optional.of(b.accounts());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Batch> batches(HttpSession session) {
        Object held = session.getAttribute(ATTRIBUTE);
        return held instanceof HashMap<?, ?> m ? (HashMap<String, Batch>) m : new HashMap<>();
    }
}
