package org.renda.notification;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.renda.identity.BulkAccounts.IssuedAccount;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mails each new account its sign-in notice (login name, one-time password, address) as a sealed e-mail
 * ({@link Notifier#notifySealed}): the password is never written to the outbox. Accounts without an address get
 * none (their slip is printed). No SMS: Renda has no SMS channel yet.
 */
@Service
public class AccountNotices {

    private final Notifier notifier;
    private final MessageSource messages;

    AccountNotices(Notifier notifier, MessageSource messages) {
        this.notifier = notifier;
        this.messages = messages;
    }

    /** Queues the notices in the caller's transaction; answers how many are on their way. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int send(List<IssuedAccount> accounts, String signInUrl) {
        int queued = 0;
        for (IssuedAccount a : accounts) {
            if (a.email() == null || a.email().isBlank()) {
                continue;
            }
            String body = t("accounts.mail.body", a.displayName(), a.username(), Notifier.SECRET, signInUrl);
            NotificationRequest request = new NotificationRequest(a.orgId(), a.userId(),
                    "account:" + a.userId() + ":first-password", t("accounts.mail.subject"), body, null,
                    EnumSet.of(Channel.EMAIL));
            if (notifier.notifySealed(request, a.password())) {
                queued++;
            }
        }
        return queued;
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }
}
