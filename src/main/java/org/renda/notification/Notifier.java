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

    private final NotificationStore store;
    private final UserContacts contacts;

    Notifier(NotificationStore store, UserContacts contacts) {
        this.store = store;
        this.contacts = contacts;
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
