package org.renda.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a notification may say, its stable Message-ID and the retry schedule. */
class NotificationRequestTest {

    @Test
    void aRequestGoesToTheInboxAndByEmailUnlessNarrowed() {
        NotificationRequest r = NotificationRequest.of(7, 42, "case:1:reminder", "提醒", "正文");
        assertThat(r.channels()).containsExactlyInAnyOrder(Channel.IN_APP, Channel.EMAIL);
        assertThat(r.only(Channel.IN_APP).channels()).containsExactly(Channel.IN_APP);
        assertThat(r.withLink("/cases/1").link()).isEqualTo("/cases/1");
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> NotificationRequest.of(7, 42, " ", "提醒", "正文"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NotificationRequest.of(7, 42, "k", "", "正文"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NotificationRequest.of(7, 42, "k".repeat(201), "提醒", "正文"))
                .isInstanceOf(IllegalArgumentException.class);
        // links stay inside Renda: no other site, no protocol-relative address
        assertThatThrownBy(() -> NotificationRequest.of(7, 42, "k", "提醒", "正文").withLink("https://evil.example"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NotificationRequest.of(7, 42, "k", "提醒", "正文").withLink("//evil.example"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyAttemptOfANotificationCarriesTheSameMessageIdAndOthersADifferentOne() {
        String id = MessageIds.of("case:42:reminder:2026-11-20", 7, "qinghe.gov.cn");
        assertThat(id).matches("<[0-9a-f]{40}\\.notification@qinghe\\.gov\\.cn>")
                .isEqualTo(MessageIds.of("case:42:reminder:2026-11-20", 7, "qinghe.gov.cn"))
                .isNotEqualTo(MessageIds.of("case:42:reminder:2026-11-20", 8, "qinghe.gov.cn"))
                .isNotEqualTo(MessageIds.of("case:42:reminder:2026-11-21", 7, "qinghe.gov.cn"))
                .doesNotContain("case");
    }

    @Test
    void retriesBackOffByDoublingUpToSixHours() {
        NotificationSettings s = new NotificationSettings("", Duration.ofSeconds(30), 20, 8, Duration.ofMinutes(1),
                Duration.ofMinutes(10));
        assertThat(s.retryAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.retryAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.retryAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(s.retryAfter(20)).isEqualTo(Duration.ofHours(6));
        assertThat(s.mailFrom()).isEqualTo("人大工作平台 <no-reply@renda.local>");
    }
}
