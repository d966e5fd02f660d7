package org.renda.notification;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One notification to one user.
 *
 * @param orgId the organisation the notification concerns (the case's), for partitioning and reports
 * @param dedupeKey names the event, e.g. {@code case:42:reminder:2026-11-20}: the same key notifies the same
 *     recipient once per channel, however often it is reported
 * @param link a path inside Renda to open from the inbox (e.g. {@code /cases/42}); e-mails carry it as an
 *     absolute address when {@code renda.public-base-url} is set
 * @param channels where to deliver it
 */
public record NotificationRequest(long orgId, long recipientUserId, String dedupeKey, String subject, String body,
        @Nullable String link, Set<Channel> channels) {

    public static final int MAX_KEY = 200;
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 10_000;

    public NotificationRequest {
        require(!dedupeKey.isBlank() && dedupeKey.length() <= MAX_KEY, "dedupeKey: 1 to 200 characters");
        require(!subject.isBlank() && subject.length() <= MAX_SUBJECT, "subject: 1 to 200 characters");
        require(body.length() <= MAX_BODY, "body: at most 10000 characters");
        require(link == null || link.startsWith("/") && !link.startsWith("//") && link.length() <= 500,
                "link: a path inside Renda starting with /");
        require(!channels.isEmpty(), "channels: at least one");
        channels = Set.copyOf(channels);
    }

    /** In the inbox and by e-mail, without a link. */
    public static NotificationRequest of(long orgId, long recipientUserId, String dedupeKey, String subject,
            String body) {
        return new NotificationRequest(orgId, recipientUserId, dedupeKey, subject, body, null,
                EnumSet.allOf(Channel.class));
    }

    public NotificationRequest withLink(String path) {
        return new NotificationRequest(orgId, recipientUserId, dedupeKey, subject, body, path, channels);
    }

    public NotificationRequest only(Channel first, Channel... more) {
        return new NotificationRequest(orgId, recipientUserId, dedupeKey, subject, body, link, EnumSet.of(first, more));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
