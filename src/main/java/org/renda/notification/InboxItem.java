package org.renda.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A notification as its recipient sees it in the inbox. */
public record InboxItem(long id, String subject, String body, @Nullable String link, Instant createdAt, boolean read) {}
