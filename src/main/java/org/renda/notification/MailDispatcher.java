package org.renda.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the pending e-mails of the outbox, at least once each.
 *
 * <p>A run claims a small batch in a short transaction of its own: it locks due rows ({@code for update
 * skip locked}, so concurrent dispatchers take different rows), counts the attempt and moves the row's
 * next attempt a lease ahead; the claim succeeds only while the row is still due, so two dispatchers can
 * never both claim it. The e-mails are then sent outside any transaction, and each is marked SENT, or
 * scheduled again with a doubling backoff, or FAILED after the last attempt. If the process dies between
 * sending and marking, the lease runs out and the e-mail goes again, with the same Message-ID.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    /** What one run did. */
    record Outcome(int sent, int retrying, int failed) {
        static final Outcome NOTHING = new Outcome(0, 0, 0);
    }

    private final NotificationStore store;
    private final NotificationSettings settings;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final TransactionTemplate claimTx;
    private final TransactionTemplate markTx;
    private final @Nullable String baseUrl;
    private final SealedSecrets secrets;

    MailDispatcher(NotificationStore store, NotificationSettings settings, ObjectProvider<JavaMailSender> mailSender,
            PlatformTransactionManager transactions, @Value("${renda.public-base-url:}") String baseUrl,
            SealedSecrets secrets) {
        this.store = store;
        this.secrets = secrets;
        this.settings = settings;
        this.mailSender = mailSender;
        this.claimTx = new TransactionTemplate(transactions);
        this.claimTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.markTx = new TransactionTemplate(transactions);
        this.markTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        String b = baseUrl.strip();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        this.baseUrl = b.isEmpty() ? null : b;
    }

    /** Whether an SMTP server is configured ({@code spring.mail.host}); without one e-mails stay PENDING. */
    boolean mailConfigured() {
        return mailSender.getIfAvailable() != null;
    }

    /** One run with the configured SMTP server; nothing when none is configured. */
    Outcome dispatch() {
        JavaMailSender sender = mailSender.getIfAvailable();
        return sender == null ? Outcome.NOTHING : dispatch(sender, Instant.now());
    }

    /** One run: claims a batch due at {@code now}, sends it with {@code sender} and records the results. */
    Outcome dispatch(JavaMailSender sender, Instant now) {
        int lost = giveUpLostSecrets(now);
        List<NotificationStore.Row> batch = claim(now);
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        for (NotificationStore.Row row : batch) {
            @Nullable String error;
            boolean permanent = false;
            try {
                sender.send(message(sender, row));
                error = null;
            } catch (MailParseException | MailPreparationException e) {
                error = describe(e);
                permanent = true; // a malformed address or message does not get better by waiting
            } catch (MailException e) {
                error = describe(e);
            }
            Instant done = Instant.now();
            if (error == null) {
                markTx.executeWithoutResult(s -> store.markSent(row.id(), done));
                secrets.forget(row.id());
                sent++;
            } else if (permanent || row.attempts() >= settings.maxAttempts()) {
                String reason = error;
                markTx.executeWithoutResult(s -> store.markFailed(row.id(), reason));
                secrets.forget(row.id());
                log.warn("Notification {}: e-mail given up after {} attempts: {}", row.id(), row.attempts(), reason);
                failed++;
            } else {
                String reason = error;
                Instant next = now.plus(settings.retryAfter(row.attempts()));
                markTx.executeWithoutResult(s -> store.markRetry(row.id(), next, reason));
                log.info("Notification {}: attempt {} failed, next at {}: {}", row.id(), row.attempts(), next, reason);
                retrying++;
            }
        }
        return new Outcome(sent, retrying, failed + lost);
    }

    /**
     * Sealed e-mails of this instance whose secret it no longer holds (it expired) fail at once. One written by an
     * instance that has since stopped fails once the secrets' lifetime is over: nobody can send it any more.
     */
    private int giveUpLostSecrets(Instant now) {
        Integer n = markTx.execute(s -> store.failSealedPendingBefore(now.minus(SealedSecrets.LIFETIME),
                SealedSecrets.LOST));
        return n == null ? 0 : n;
    }

    private List<NotificationStore.Row> claim(Instant now) {
        Instant leaseUntil = now.plus(settings.claimLease());
        List<NotificationStore.Row> rows = claimTx.execute(s -> {
            List<Long> claimed = new ArrayList<>();
            for (long id : store.lockDue(now, settings.batchSize(), secrets.held())) {
                if (store.claim(id, now, leaseUntil)) {
                    claimed.add(id);
                }
            }
            return store.byIds(claimed);
        });
        return rows == null ? List.of() : rows;
    }

    private MimeMessage message(JavaMailSender sender, NotificationStore.Row row) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper mail = new MimeMessageHelper(message, false, "UTF-8");
            InternetAddress configured = new InternetAddress(settings.mailFrom(), false);
            // re-created so a Chinese sender name is encoded (RFC 2047) instead of sent as raw UTF-8
            InternetAddress from = configured.getPersonal() == null ? configured
                    : new InternetAddress(configured.getAddress(), configured.getPersonal(), "UTF-8");
            mail.setFrom(from);
            mail.setTo(new InternetAddress(java.util.Objects.requireNonNull(row.email()), true));
            mail.setSubject(row.subject());
            mail.setText(text(row), false);
            String address = from.getAddress();
            String domain = address.contains("@") ? address.substring(address.indexOf('@') + 1) : "renda.local";
            // JavaMailSenderImpl keeps a Message-ID that is set before sending
            message.setHeader("Message-ID", MessageIds.of(row.dedupeKey(), row.recipientUserId(), domain));
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("X-Renda-Notification", String.valueOf(row.id()));
            return message;
        } catch (AddressException e) {
            throw new MailParseException("bad address: " + e.getMessage(), e);
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new MailPreparationException(e);
        }
    }

    private String text(NotificationStore.Row row) {
        StringBuilder text = new StringBuilder(secrets.reveal(row.id(), row.body()));
        if (row.link() != null && baseUrl != null) {
            text.append("\n\n").append(baseUrl).append(row.link());
        }
        text.append("\n\n—— 人大工作平台（系统自动发送，请勿直接回复）");
        return text.toString();
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
