package org.renda.notification;

import java.time.Instant;
import java.util.EnumSet;
import org.renda.identity.UserContacts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's facade for other modules: notify a user, in the inbox and by e-mail, as part of a change.
 *
 * <p>{@link #notify} joins the caller's transaction (called outside one, it fails), so the notification
 * exists exactly when the change that caused it commits: a rolled-back change notifies nobody, and a
 * committed one is never lost, because the e-mail leaves only later, from the committed row
 * (the transactional outbox). A repeated call with the same dedupe key adds nothing.
 */
@Service
public class Notifier {

    static final String NO_ADDRESS = "no e-mail address on file";
    static final String DISABLED = "account disabled";

    /** Where a sealed e-mail's body takes its secret ({@link #notifySealed}). */
    public static final String SECRET = "[[secret]]";

    private final NotificationStore store;
    private final UserContacts contacts;
    private final SealedSecrets secrets;

    Notifier(NotificationStore store, UserContacts contacts, SealedSecrets secrets) {
        this.store = store;
        this.contacts = contacts;
        this.secrets = secrets;
    }

    /**
     * An e-mail that carries a secret (a first-sign-in password) which must never be written to the database: the
     * row holds the body with {@link #SECRET} in its place, the secret waits in this instance's memory until the
     * dispatcher sends it, and is then forgotten (see {@link SealedSecrets}). E-mail only: the inbox would show the
     * placeholder. Returns true when an e-mail is on its way (the user has an address and is enabled).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean notifySealed(NotificationRequest request, String secret) {
        if (!request.channels().equals(EnumSet.of(Channel.EMAIL)) || !request.body().contains(SECRET)) {
            throw new IllegalArgumentException("a sealed notification is an e-mail whose body holds " + SECRET);
        }
        if (notify(request) == 0) {
            return false; // seen before: its secret, if any, is the first one's
        }
        long id = store.seal(request, Channel.EMAIL);
        UserContacts.Contact contact = contacts.find(request.recipientUserId()).orElseThrow();
        boolean deliverable = contact.enabled() && contact.email() != null && !contact.email().isBlank();
        if (deliverable) {
            secrets.hold(id, secret);
        }
        return deliverable;
    }

    /**
     * Writes the notification's rows: an inbox item (unread) and an e-mail waiting for the dispatcher, to
     * the address on file now. A recipient without an address gets the inbox item and a FAILED e-mail row
     * that says why. Returns how many rows were new (0 when the dedupe key was seen before).
     *
     * @throws IllegalArgumentException when the recipient does not exist
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int notify(NotificationRequest request) {
        UserContacts.Contact contact = contacts.find(request.recipientUserId())
                .orElseThrow(() -> new IllegalArgumentException("no user " + request.recipientUserId()));
        Instant now = Instant.now();
        int created = 0;
        for (Channel channel : EnumSet.copyOf(request.channels())) {
            if (channel == Channel.IN_APP) {
                created += store.insert(request, channel, null, NotificationStatus.SENT, null, null, now);
            } else if (contact.email() == null || contact.email().isBlank()) {
                created += store.insert(request, channel, null, NotificationStatus.FAILED, null, NO_ADDRESS, now);
            } else if (!contact.enabled()) {
                created += store.insert(request, channel, contact.email(), NotificationStatus.FAILED, null, DISABLED, now);
            } else {
                created += store.insert(request, channel, contact.email().strip(), NotificationStatus.PENDING, now, null,
                        now);
            }
        }
        return created;
    }
}
