package org.renda.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.renda.identity.Logins;
import org.renda.identity.UserAdministration;
import org.renda.org.OrgTree;
import org.renda.shared.Role;
import org.renda.shared.SystemContext;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real SMTP server in the test (GreenMail): what a committed change notifies arrives
 * once, what a rolled-back change notifies never leaves, a repeated event is one notification, a dead SMTP
 * server is retried, and each user sees only their own inbox. The dispatcher is called directly.
 */
@RendaIntegrationTest
class NotificationOutboxTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(true);

    @Autowired Notifier notifier;
    @Autowired MailDispatcher dispatcher;
    @Autowired UserAdministration users;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;

    private JavaMailSenderImpl mail;
    private TransactionTemplate tx;
    private long town;
    private String run;

    @BeforeEach
    void setUp() {
        mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.getSmtp().getPort());
        mail.setDefaultEncoding("UTF-8");
        tx = new TransactionTemplate(transactions);
        town = orgs.findByCode("QH-AL").orElseThrow().id();
        run = "t" + System.nanoTime() + "-" + SEQ.incrementAndGet();
    }

    @AfterEach
    void sendWhatIsLeft() {
        // leave no due e-mail of this test behind for the next one's dispatcher
        dispatcher.dispatch(mail, Instant.now().plus(Duration.ofDays(1)));
    }

    private long user(String name, String email) {
        String username = "n" + Math.abs((run + name).hashCode());
        return SystemContext.call(() -> users.create(new UserAdministration.NewUser(username, name, town, null, email,
                "Renda-test-2026", List.of(new UserAdministration.GrantRequest(Role.DEPUTY, town))))).id();
    }

    private String username(long userId) {
        return jdbc.sql("select username from app_user where id = ?").param(userId).query(String.class).single();
    }

    private int notifyInTransaction(NotificationRequest request) {
        Integer n = tx.execute(s -> notifier.notify(request));
        return n == null ? 0 : n;
    }

    private List<MimeMessage> received(String subject) throws Exception {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private long rows(String key) {
        return jdbc.sql("select count(*) from notification where dedupe_key = ?").param(key).query(Long.class).single();
    }

    private String status(String key, Channel channel) {
        return jdbc.sql("select status from notification where dedupe_key = ? and channel = ?")
                .params(key, channel.name()).query(String.class).single();
    }

    @Test
    void aNotificationOfACommittedChangeIsDeliveredOnceEvenWhenTwoDispatchersRunAtOnce() throws Exception {
        long chair = user("黄主席", "chair-" + run + "@example.org");
        String key = "case:" + run + ":reminder:2026-11-20";
        String subject = "督办提醒 " + run;
        assertThat(notifyInTransaction(NotificationRequest.of(town, chair, key, subject, "案件即将到期，请督办。")
                .withLink("/cases/42"))).isEqualTo(2);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Instant now = Instant.now();
            List<Future<MailDispatcher.Outcome>> runs = List.of(
                    pool.submit(() -> { start.await(); return dispatcher.dispatch(mail, now); }),
                    pool.submit(() -> { start.await(); return dispatcher.dispatch(mail, now); }));
            start.countDown();
            int sent = 0;
            for (Future<MailDispatcher.Outcome> r : runs) {
                sent += r.get(30, TimeUnit.SECONDS).sent();
            }
            assertThat(sent).isGreaterThanOrEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        dispatcher.dispatch(mail, Instant.now().plus(Duration.ofHours(1))); // a later run finds nothing to send

        List<MimeMessage> messages = received(subject);
        assertThat(messages).hasSize(1);
        MimeMessage m = messages.get(0);
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("chair-" + run + "@example.org");
        assertThat(m.getMessageID()).isEqualTo(MessageIds.of(key, chair, "renda.local"));
        assertThat(String.valueOf(m.getContent())).contains("案件即将到期，请督办。");
        assertThat(status(key, Channel.EMAIL)).isEqualTo("SENT");
        assertThat(jdbc.sql("select attempts from notification where dedupe_key = ? and channel = 'EMAIL'").param(key)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(status(key, Channel.IN_APP)).isEqualTo("SENT"); // unread in the inbox
    }

    @Test
    void aRolledBackChangeNotifiesNobody() throws Exception {
        long chair = user("黄主席", "chair-" + run + "@example.org");
        String key = "case:" + run + ":assigned";
        String subject = "新交办 " + run;
        tx.executeWithoutResult(s -> {
            notifier.notify(NotificationRequest.of(town, chair, key, subject, "有新的交办件。"));
            s.setRollbackOnly(); // the business change failed after notifying
        });
        dispatcher.dispatch(mail, Instant.now().plus(Duration.ofMinutes(1)));
        assertThat(rows(key)).isZero();
        assertThat(received(subject)).isEmpty();
    }

    @Test
    void notifyingOutsideATransactionIsRefused() {
        long chair = user("黄主席", "chair-" + run + "@example.org");
        assertThatThrownBy(() -> notifier.notify(NotificationRequest.of(town, chair, "x:" + run, "主题", "正文")))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(rows("x:" + run)).isZero();
    }

    @Test
    void theSameDedupeKeyTwiceIsOneNotification() throws Exception {
        long chair = user("黄主席", "chair-" + run + "@example.org");
        String key = "case:" + run + ":overdue";
        String subject = "逾期 " + run;
        NotificationRequest request = NotificationRequest.of(town, chair, key, subject, "已逾期。");
        tx.executeWithoutResult(s -> {
            assertThat(notifier.notify(request)).isEqualTo(2);
            assertThat(notifier.notify(request)).isZero(); // same transaction
        });
        assertThat(notifyInTransaction(request)).isZero(); // a later transaction
        assertThat(rows(key)).isEqualTo(2); // one inbox item, one e-mail
        dispatcher.dispatch(mail, Instant.now());
        assertThat(received(subject)).hasSize(1);
    }

    @Test
    void aConcurrentDuplicateWaitsAndDoesNotSpoilTheCallersTransaction() throws Exception {
        long chair = user("黄主席", "chair-" + run + "@example.org");
        String key = "case:" + run + ":escalated";
        String other = "case:" + run + ":other";
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(() -> tx.execute(s -> {
                int n = notifier.notify(NotificationRequest.of(town, chair, key, "督办 " + run, "一"));
                firstInserted.countDown();
                try {
                    secondStarted.await(10, TimeUnit.SECONDS);
                    Thread.sleep(300); // let the second insert run into this uncommitted row
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return n;
            }));
            Future<long[]> second = pool.submit(() -> {
                firstInserted.await(10, TimeUnit.SECONDS);
                return tx.execute(s -> {
                    secondStarted.countDown();
                    long duplicate = notifier.notify(NotificationRequest.of(town, chair, key, "督办 " + run, "二"));
                    // the transaction is still usable: it reads and writes on
                    long seen = rows(key);
                    long more = notifier.notify(NotificationRequest.of(town, chair, other, "其他 " + run, "三"));
                    return new long[] {duplicate, seen, more};
                });
            });
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(second.get(30, TimeUnit.SECONDS)).containsExactly(0, 2, 2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows(key)).isEqualTo(2);
        assertThat(rows(other)).isEqualTo(2);
        assertThat(jdbc.sql("select body from notification where dedupe_key = ? and channel = 'IN_APP'").param(key)
                .query(String.class).single()).isEqualTo("一");
    }

    @Test
    void anSmtpServerThatIsDownIsRetriedAndTheMailDeliveredWhenItIsBack() throws Exception {
        long chair = user("黄主席", "chair-" + run + "@example.org");
        String key = "case:" + run + ":retry";
        String subject = "重试 " + run;
        notifyInTransaction(NotificationRequest.of(town, chair, key, subject, "请办理。"));

        JavaMailSenderImpl down = new JavaMailSenderImpl();
        down.setHost("127.0.0.1");
        try (ServerSocket free = new ServerSocket(0)) {
            down.setPort(free.getLocalPort()); // closed again below: nothing listens there
        }
        Instant now = Instant.now();
        assertThat(dispatcher.dispatch(down, now).retrying()).isGreaterThanOrEqualTo(1);
        assertThat(status(key, Channel.EMAIL)).isEqualTo("PENDING");
        assertThat(jdbc.sql("select last_error from notification where dedupe_key = ? and channel = 'EMAIL'").param(key)
                .query(String.class).single()).isNotBlank();

        dispatcher.dispatch(mail, now.plusSeconds(10)); // the backoff (1 minute) has not passed
        assertThat(received(subject)).isEmpty();

        dispatcher.dispatch(mail, now.plus(Duration.ofMinutes(2)));
        assertThat(received(subject)).hasSize(1);
        assertThat(status(key, Channel.EMAIL)).isEqualTo("SENT");
        assertThat(jdbc.sql("select attempts from notification where dedupe_key = ? and channel = 'EMAIL'").param(key)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void anEmailIsGivenUpAfterTheLastAttempt() throws Exception {
        long chair = user("黄主席", "chair-" + run + "@example.org");
        String key = "case:" + run + ":give-up";
        notifyInTransaction(NotificationRequest.of(town, chair, key, "放弃 " + run, "请办理。").only(Channel.EMAIL));
        JavaMailSenderImpl down = new JavaMailSenderImpl();
        down.setHost("127.0.0.1");
        try (ServerSocket free = new ServerSocket(0)) {
            down.setPort(free.getLocalPort());
        }
        Instant t = Instant.now();
        for (int attempt = 1; attempt <= 8; attempt++) {
            dispatcher.dispatch(down, t);
            t = t.plus(Duration.ofHours(7)); // past any backoff
        }
        assertThat(status(key, Channel.EMAIL)).isEqualTo("FAILED");
        dispatcher.dispatch(mail, t);
        assertThat(received("放弃 " + run)).isEmpty();
    }

    @Test
    void aRecipientWithoutAnAddressGetsTheInboxItemAndTheReasonTheMailWasNotSent() {
        long deputy = user("李代表", null);
        String key = "case:" + run + ":noaddress";
        assertThat(notifyInTransaction(NotificationRequest.of(town, deputy, key, "答复 " + run, "已答复。"))).isEqualTo(2);
        assertThat(status(key, Channel.IN_APP)).isEqualTo("SENT");
        assertThat(status(key, Channel.EMAIL)).isEqualTo("FAILED");
        assertThat(jdbc.sql("select last_error from notification where dedupe_key = ? and channel = 'EMAIL'").param(key)
                .query(String.class).single()).isEqualTo(Notifier.NO_ADDRESS);
    }

    @Test
    void theInboxShowsOnlyTheRecipientsOwnNotifications() throws Exception {
        long mine = user("甲", null);
        long theirs = user("乙", null);
        notifyInTransaction(NotificationRequest.of(town, mine, "inbox:" + run + ":a", "给甲的通知 " + run, "甲的正文")
                .withLink("/deputies").only(Channel.IN_APP));
        notifyInTransaction(NotificationRequest.of(town, theirs, "inbox:" + run + ":b", "给乙的通知 " + run, "乙的正文")
                .only(Channel.IN_APP));
        String me = username(mine);

        String page = mvc.perform(get("/inbox").with(Logins.as(accounts, me))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("给甲的通知 " + run, "甲的正文").doesNotContain("给乙的通知", "乙的正文");
        assertThat(mvc.perform(get("/inbox/bell").with(Logins.as(accounts, me))).andReturn().getResponse()
                .getContentAsString()).contains("data-unread>1<");

        long theirId = jdbc.sql("select id from notification where dedupe_key = ?").param("inbox:" + run + ":b")
                .query(Long.class).single();
        assertThat(mvc.perform(post("/inbox/" + theirId + "/open").with(csrf()).with(Logins.as(accounts, me)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(status("inbox:" + run + ":b", Channel.IN_APP)).isEqualTo("SENT");

        long myId = jdbc.sql("select id from notification where dedupe_key = ?").param("inbox:" + run + ":a")
                .query(Long.class).single();
        assertThat(mvc.perform(post("/inbox/" + myId + "/open").with(csrf()).with(Logins.as(accounts, me)))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/deputies");
        assertThat(status("inbox:" + run + ":a", Channel.IN_APP)).isEqualTo("READ");
        assertThat(mvc.perform(get("/inbox/bell").with(Logins.as(accounts, me))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("data-unread");
        // every page of a signed-in user loads the count into the menu bar
        assertThat(mvc.perform(get("/").with(Logins.as(accounts, me))).andReturn().getResponse().getContentAsString())
                .contains("hx-get=\"/inbox/bell\"");
    }
}
