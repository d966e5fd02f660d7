package org.renda.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.renda.deputy.DeputyAccounts;
import org.renda.deputy.DeputyLevel;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.MandateStatus;
import org.renda.identity.BulkAccounts.IssuedAccount;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.shared.SystemContext;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The sign-in notice of a deputy's new account goes by e-mail through the outbox, and arrives at a real SMTP server
 * (GreenMail) with the one-time password in it, while the outbox row never holds the password: it is sealed in the
 * sending instance's memory. A deputy without an address gets no e-mail (their slip is printed).
 */
@RendaIntegrationTest
class AccountNoticesTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(true);

    @Autowired DeputyAccounts deputyAccounts;
    @Autowired DeputyRegister register;
    @Autowired MailDispatcher dispatcher;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService accounts;

    private long newDeputy(String name) {
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        return SystemContext.call(() -> register.register(new DeputyRegister.NewDeputy(town,
                new DeputyRegister.PersonForm(name, "女", null, null, null, null, null, null, null, null, null),
                new DeputyRegister.SeatForm(town, DeputyLevel.TOWN, 18, 2021, 2026, null, null, null, null,
                        MandateStatus.ELECTED, LocalDate.of(2021, 12, 28), null)))).id();
    }

    @Test
    void theNoticeArrivesByEmailWithThePasswordWhichTheOutboxNeverHolds() throws Exception {
        String mailbox = "deputy" + System.nanoTime() + "@renda.test";
        long withMail = newDeputy("邮件代表" + System.nanoTime() % 1000);
        long without = newDeputy("无邮代表" + System.nanoTime() % 1000);
        DeputyAccounts.Created created = Logins.call(accounts, "anlan.staff", () -> deputyAccounts.create(
                List.of(withMail, without), Map.of(withMail, mailbox), "https://renda.test/login", true));
        assertThat(created.mailed()).isEqualTo(1);
        IssuedAccount issued = created.accounts().stream().filter(a -> mailbox.equals(a.email())).findFirst()
                .orElseThrow();

        String stored = jdbc.sql("select body from notification where recipient_user_id = ? and channel = 'EMAIL'")
                .param(issued.userId()).query(String.class).single();
        assertThat(stored).contains(issued.username(), Notifier.SECRET).doesNotContain(issued.password());
        assertThat(jdbc.sql("select count(*) from notification where body like ?").param("%" + issued.password() + "%")
                .query(Long.class).single()).isZero();

        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.getSmtp().getPort());
        mail.setDefaultEncoding("UTF-8");
        dispatcher.dispatch(mail, Instant.now());

        List<MimeMessage> received = to(mailbox);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("人大工作平台账户已开通");
        String text = received.get(0).getContent().toString();
        assertThat(text).contains(issued.username(), issued.password(), "https://renda.test/login")
                .doesNotContain(Notifier.SECRET, "{0}");
        assertThat(jdbc.sql("select status from notification where recipient_user_id = ? and channel = 'EMAIL'")
                .param(issued.userId()).query(String.class).single()).isEqualTo("SENT");
        long noMail = created.accounts().stream().filter(a -> a.email() == null).findFirst().orElseThrow().userId();
        assertThat(jdbc.sql("select count(*) from notification where recipient_user_id = ?").param(noMail)
                .query(Long.class).single()).isZero();

        // a later run sends nothing again, and the secret is gone from memory
        dispatcher.dispatch(mail, Instant.now().plus(Duration.ofMinutes(5)));
        assertThat(to(mailbox)).hasSize(1);
    }

    private static List<MimeMessage> to(String mailbox) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(mailbox);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
