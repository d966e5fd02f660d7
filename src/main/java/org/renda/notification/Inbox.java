package org.renda.notification;

import java.time.Instant;
import java.util.List;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's own notifications. Nobody else's are ever read or marked here: another user's
 * item answers 404, like one that does not exist. Reading is the recipient's own bookkeeping and is not
 * audited.
 */
@Service
@Transactional(readOnly = true)
public class Inbox {

    static final int PAGE = 100;

    private final NotificationStore store;
    private final CurrentActor currentActor;

    Inbox(NotificationStore store, CurrentActor currentActor) {
        this.store = store;
        this.currentActor = currentActor;
    }

    public long unreadCount() {
        return store.unread(me());
    }

    /** The newest items first. */
    public List<InboxItem> items() {
        return store.inbox(me(), PAGE).stream().map(r -> new InboxItem(r.id(), r.subject(), r.body(), r.link(),
                r.createdAt(), r.status() == NotificationStatus.READ)).toList();
    }

    /** Marks one of the user's items read and returns it. */
    @Transactional
    public InboxItem open(long id) {
        long me = me();
        NotificationStore.Row row = store.byId(id)
                .filter(r -> r.recipientUserId() == me && r.channel() == Channel.IN_APP)
                .orElseThrow(() -> new NotFoundException("error.notFound"));
        store.markRead(me, id, Instant.now());
        return new InboxItem(row.id(), row.subject(), row.body(), row.link(), row.createdAt(), true);
    }

    @Transactional
    public int markAllRead() {
        return store.markRead(me(), null, Instant.now());
    }

    private long me() {
        Actor actor = currentActor.require();
        return actor.userId();
    }
}
