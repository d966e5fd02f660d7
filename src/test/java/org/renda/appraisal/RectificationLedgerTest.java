package org.renda.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.renda.appraisal.AppraisalEnums.CampaignKind;
import org.renda.appraisal.AppraisalEnums.RectificationState;
import org.renda.appraisal.AppraisalViews.RectificationView;
import org.renda.org.OrgTree;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A rectification item from the problem to acceptance, the interview when it lags, and the carry into next year. */
@RendaIntegrationTest
class RectificationLedgerTest {

    @Autowired UserDetailsService accounts;
    @Autowired AppraisalDesk desk;
    @Autowired Rectifications rectifications;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;

    private long campaign(int year, String title) {
        long county = orgs.findByCode("QH").orElseThrow().id();
        return As.user(accounts, "county.staff", () -> {
            var c = desk.create(new AppraisalDesk.NewCampaign(county, year, title, CampaignKind.UNITS,
                    new BigDecimal("0.8"), false));
            desk.addSubject(c.id(), "", orgs.findByCode("QH-D11").orElseThrow().id());
            return c.id();
        });
    }

    private long transport(long campaignId) {
        return As.user(accounts, "county.staff", () -> desk.campaign(campaignId)).subjects().get(0).id();
    }

    private RectificationView reload(long id) {
        return As.user(accounts, "county.staff", () -> rectifications.get(id));
    }

    @Test
    void theUnitCommitsAndReportsStaffCheckAndAcceptAndALaggingItemGetsAnInterview() {
        long c = campaign(2024, "整改台账测试 " + System.nanoTime());
        long subject = transport(c);
        RectificationView lagging = As.user(accounts, "county.staff",
                () -> rectifications.raise(subject, "农村公路养护不到位", null));
        RectificationView done = As.user(accounts, "county.staff",
                () -> rectifications.raise(subject, "热线投诉办结率偏低", "三个月内办结率提高到 95%"));
        assertThat(done.dueOn()).isAfterOrEqualTo(LocalDate.now().plusMonths(3));
        assertThat(jdbc.sql("""
                select count(*) from notification n join app_user u on u.id = n.recipient_user_id
                where u.username = 'unit.jiaotong' and n.dedupe_key = ? and n.channel = 'IN_APP'""")
                .param("rectification:" + done.id() + ":raised").query(Integer.class).single())
                .as("the unit hears of the item in its inbox").isEqualTo(1);

        // The unit answers for its own item: a commitment and the written report.
        As.run(accounts, "unit.jiaotong", () -> rectifications.commit(done.id(), done.version(), "建立投诉周调度机制"));
        As.run(accounts, "unit.jiaotong", () -> rectifications.report(done.id(), reload(done.id()).version(),
                "已建立周调度，办结率 96%。"));
        assertThatThrownBy(() -> As.run(accounts, "unit.jiaotong",
                () -> rectifications.accept(done.id(), reload(done.id()).version(), "")))
                .as("acceptance is the committee's").isInstanceOf(NotFoundException.class);
        As.run(accounts, "county.staff", () -> rectifications.check(done.id(), LocalDate.now(), "城建环保工委",
                "抽查 20 件，均已办结。"));
        As.run(accounts, "county.staff", () -> rectifications.accept(done.id(), reload(done.id()).version(), "同意验收"));
        RectificationView accepted = reload(done.id());
        assertThat(accepted.state()).isEqualTo(RectificationState.ACCEPTED);
        assertThat(accepted.checks()).hasSize(1);
        assertThat(accepted.commitment()).isEqualTo("建立投诉周调度机制");
        assertThatThrownBy(() -> As.run(accounts, "county.staff",
                () -> rectifications.accept(done.id(), 0, "")))
                .isInstanceOf(DomainException.class).hasMessage("rectification.error.notReported");

        // Not lagging yet: no interview. Past its due date without a report: lagging, interview.
        assertThatThrownBy(() -> As.run(accounts, "county.staff", () -> rectifications.interview(lagging.id(),
                lagging.version(), LocalDate.now(), "约谈局长"))).hasMessage("rectification.error.notLagging");
        jdbc.sql("update rectification set due_on = ? where id = ?").params(LocalDate.now().minusDays(3), lagging.id())
                .update();
        assertThat(reload(lagging.id()).lagging(LocalDate.now())).isTrue();
        As.run(accounts, "county.staff", () -> rectifications.interview(lagging.id(), reload(lagging.id()).version(),
                LocalDate.now(), "约谈局长，要求一个月内报告"));
        assertThat(reload(lagging.id()).interviewNote()).isEqualTo("约谈局长，要求一个月内报告");
        assertThatThrownBy(() -> As.run(accounts, "county.staff", () -> rectifications.commit(lagging.id(), 0, "x")))
                .as("a stale version").isInstanceOf(DomainException.class).hasMessage("error.concurrentEdit");

        // Next year's campaign carries the open item, once.
        long next = campaign(2025, "整改结转测试 " + System.nanoTime());
        assertThat(As.user(accounts, "county.staff", () -> rectifications.carryOver(next))).isEqualTo(1);
        assertThat(As.user(accounts, "county.staff", () -> rectifications.carryOver(next))).isZero();
        var carried = As.user(accounts, "county.staff", () -> rectifications.ledger(next));
        assertThat(carried).singleElement().satisfies(r -> {
            assertThat(r.carried()).isTrue();
            assertThat(r.problem()).startsWith("（2024年度未完成整改）农村公路养护不到位");
        });
        // Other towns see none of it.
        assertThatThrownBy(() -> As.user(accounts, "shiqiao.staff", () -> rectifications.ledger(next)))
                .isInstanceOf(NotFoundException.class);
    }
}
