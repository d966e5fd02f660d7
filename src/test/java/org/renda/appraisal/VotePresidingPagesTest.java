package org.renda.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.renda.appraisal.VoteScale.RateRule;
import org.renda.appraisal.VoteViews.VoteState;
import org.renda.appraisal.VoteViews.VoteSummary;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The presiding officer's acts on the vote page: the county director closes a vote and publishes its results,
 * each behind a question that names the vote, in a card apart from the clerk's routine buttons; the clerk sees
 * neither button and is refused (404) like a town's chair, whose reach ends at the town.
 */
@RendaIntegrationTest
class VotePresidingPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired VoteDesk votes;
    @Autowired OrgTree orgs;

    private VoteSummary openVote(String title, boolean abstain) {
        long county = orgs.findByCode("QH").orElseThrow().id();
        return As.user(accounts, "county.staff", () -> {
            VoteSummary v = votes.create(new VoteDesk.NewVote(county, title, VoteScale.FOUR_LEVEL,
                    RateRule.SATISFIED_SHARE, new BigDecimal("0.7"), List.of("专项工作甲", "专项工作乙"), abstain));
            votes.addToRoll(v.id(), List.of(new VoteDesk.Voter(920_001, "主持测试代表")));
            var ids = new HashSet<Long>();
            votes.roll(v.id()).forEach(r -> ids.add(r.id()));
            votes.markIssued(v.id(), ids);
            votes.printCodes(v.id(), 2);
            return v;
        });
    }

    private Document page(String who, long voteId) throws Exception {
        return Jsoup.parse(mvc.perform(get("/appraisals/votes/" + voteId).with(Logins.as(accounts, who)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theDirectorClosesAndPublishesAfterAQuestionNamingTheVoteTheClerkCannot() throws Exception {
        String title = "主持人关闭测试 " + System.nanoTime();
        VoteSummary v = openVote(title, false);

        Document draft = page("county.staff", v.id());
        assertThat(draft.select("#open-form").attr("data-renda-confirm")).contains("确定开始", title);
        As.run(accounts, "county.staff", () -> votes.open(v.id()));

        Document clerk = page("county.staff", v.id());
        assertThat(clerk.select("#vote-close")).as("the clerk has no close button").isEmpty();
        assertThat(clerk.select("#preside-hint").text()).contains("主持人");
        assertThat(clerk.select("#codes-print")).hasSize(1);

        Document chair = page("county.director", v.id());
        Element close = chair.selectFirst("form#close-form");
        assertThat(close).isNotNull();
        assertThat(close.attr("data-renda-confirm")).isEqualTo("关闭后不能再投票，结果将立即计算并签名。确定关闭“" + title + "”的测评？");
        assertThat(close.select("#vote-close")).hasSize(1);
        assertThat(close.closest("#preside")).as("the dangerous button in its own card").isNotNull();
        assertThat(chair.select("#preside #codes-print, #preside #vote-open")).isEmpty();
        assertThat(chair.select("#codes-print")).as("the director does not print codes").isEmpty();

        mvc.perform(post("/appraisals/votes/" + v.id() + "/close").with(csrf()).with(Logins.as(accounts, "county.staff")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/appraisals/votes/" + v.id() + "/close").with(csrf()).with(Logins.as(accounts, "anlan.chair")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/appraisals/votes/" + v.id() + "/close").with(csrf())
                        .with(Logins.as(accounts, "county.director")))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "投票已结束，结果已生成并签名"));
        assertThat(As.user(accounts, "county.staff", () -> votes.detail(v.id())).vote().state())
                .isEqualTo(VoteState.CLOSED);

        Document closed = page("county.director", v.id());
        Element publish = closed.selectFirst("form#publish-form");
        assertThat(publish).isNotNull();
        assertThat(publish.attr("data-renda-confirm")).contains("确定公布", title);
        assertThat(publish.closest("#publish-card")).isNotNull();
        assertThat(page("county.staff", v.id()).select("#publish-form")).isEmpty();
        mvc.perform(post("/appraisals/votes/" + v.id() + "/publish").param("on", "true").with(csrf())
                .with(Logins.as(accounts, "county.staff"))).andExpect(status().isNotFound());
        mvc.perform(post("/appraisals/votes/" + v.id() + "/publish").param("on", "true").with(csrf())
                        .with(Logins.as(accounts, "county.director")))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "结果已在门户公布"));
        mvc.perform(get("/public/appraisals/" + v.publicCode())).andExpect(status().isOk());
        assertThat(page("county.director", v.id()).select("#publish-form").attr("data-renda-confirm"))
                .as("withdrawing asks too").contains("撤回", title);
    }

    @Test
    void aVoteWithTheAbstainChoiceOffersItOnTheBallotAndShowsAbstentionsApart() throws Exception {
        String title = "弃权页面测试 " + System.nanoTime();
        VoteSummary v = openVote(title, true);
        As.run(accounts, "county.staff", () -> votes.open(v.id()));
        Document ballot = Jsoup.parse(mvc.perform(get("/public/votes/" + v.publicCode())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(ballot.select(".subject-card").first().select("label.level-btn").eachText())
                .containsExactly("满意", "较满意", "基本满意", "不满意", "弃权");
        As.run(accounts, "county.director", () -> votes.close(v.id()));
        As.run(accounts, "county.director", () -> votes.publish(v.id(), true));
        Document results = Jsoup.parse(mvc.perform(get("/public/appraisals/" + v.publicCode())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(results.select("#public-results thead th").eachText()).contains("弃权", "满意率");
    }
}
