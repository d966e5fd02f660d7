/**
 * Notifications in the inbox and by e-mail, through a transactional outbox: a module writes them in the
 * transaction of the change that causes them ({@link org.renda.notification.Notifier}), a dispatcher
 * hands the e-mails to the SMTP server afterwards, and each user reads their own in the inbox.
 */
@ApplicationModule(displayName = "Notifications")
@NullMarked
package org.renda.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
