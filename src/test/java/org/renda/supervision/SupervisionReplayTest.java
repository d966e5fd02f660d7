package org.renda.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.renda.appraisal.AppraisalEnums.RectificationState;
import org.renda.appraisal.AppraisalViews.RectificationView;
import org.renda.appraisal.Rectifications;
import org.renda.appraisal.VoteDesk;
import org.renda.appraisal.VoteViews.VoteSummary;
import org.renda.calendar.WorkingCalendar;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputySummary;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.supervision.SupervisionDesk.FindingForm;
import org.renda.supervision.SupervisionDesk.SupervisionGroupForm;
import org.renda.supervision.SupervisionDesk.SubjectForm;
import org.renda.supervision.SupervisionEnums.ActivityKind;
import org.renda.supervision.SupervisionEnums.ActivityState;
import org.renda.supervision.SupervisionEnums.Speciality;
import org.renda.supervision.SupervisionEnums.SubjectKind;
import org.renda.supervision.SupervisionEnums.TopicSource;
import org.renda.supervision.SupervisionRhythm.HoldForm;
import org.renda.supervision.SupervisionViews.SupervisionActivity;
import org.renda.supervision.SupervisionViews.RhythmGenerated;
import org.renda.supervision.SupervisionViews.SupervisedSubjectDetail;
import org.renda.supervision.SupervisionViews.SupervisedSubject;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Seed 004's 五个一 replayed for one key project of 安澜镇 over last year: the project and its group (一事一小组), a
 * year generated on the working calendar (12 monthly briefings, 4 quarterly inspections, 2 half-yearly reports, 1
 * year-end review), every activity recorded with attendance counted in the deputies' archives, 25 problems found
 * and all 25 rectified through the one ledger (the unit reports, the clerk accepts), the year-end satisfaction
 * vote held, and the figures on the subject's page.
 */
@RendaIntegrationTest
class SupervisionReplayTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired SupervisionDesk desk;
    @Autowired SupervisionRhythm rhythm;
    @Autowired Rectifications rectifications;
    @Autowired VoteDesk votes;
    @Autowired DeputyRegister deputies;
    @Autowired WorkingCalendar calendar;

    private <T> T asClerk(java.util.function.Supplier<T> work) {
        return Logins.call(accounts, "anlan.staff", work);
    }

    @Test
    void aYearOfFiveOnesFromTheGroupToTheVote() throws Exception {
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        long transport = orgs.findByCode("QH-D11").orElseThrow().id();
        int year = LocalDate.now().getYear() - 1;
        String title = "尹喜庄园回放" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100_000;

        // 一事一小组: the project and its professional group, led by 赵大山
        SupervisedSubject project = asClerk(() -> desk.create(new SubjectForm(town, year, SubjectKind.KEY_PROJECT, title,
                transport, TopicSource.KEY_PROJECT, "年度重点工程")));
        List<DeputySummary> townDeputies = asClerk(() -> deputies.listAll(new DeputyRegister.Query(null, null, null,
                null, null, town, true)));
        long zhao = townDeputies.stream().filter(d -> d.name().equals("赵大山")).findFirst().orElseThrow().id();
        List<Long> members = new ArrayList<>(List.of(zhao));
        townDeputies.stream().map(DeputySummary::id).filter(id -> id != zhao).limit(4).forEach(members::add);
        var group = asClerk(() -> desk.saveGroup(project.id(), new SupervisionGroupForm(Speciality.RURAL_REVITALISATION,
                "乡村振兴专业监督小组", zhao, members)));
        assertThat(group.leaderName()).isEqualTo("赵大山");
        assertThat(group.members()).hasSize(5);

        // the year from the template, on working days; generating again adds nothing
        RhythmGenerated first = asClerk(() -> rhythm.generate(project.id(), "FIVE_ONES"));
        RhythmGenerated again = asClerk(() -> rhythm.generate(project.id(), "FIVE_ONES"));
        assertThat(first).isEqualTo(new RhythmGenerated(19, 0));
        assertThat(again).isEqualTo(new RhythmGenerated(0, 19));
        List<SupervisionActivity> plan = asClerk(() -> desk.detail(project.id())).activities();
        Map<ActivityKind, Long> byKind = plan.stream().collect(Collectors.groupingBy(SupervisionActivity::kind,
                Collectors.counting()));
        assertThat(byKind).containsExactlyInAnyOrderEntriesOf(Map.of(ActivityKind.BRIEFING, 12L,
                ActivityKind.INSPECTION, 4L, ActivityKind.WORK_REPORT, 2L, ActivityKind.YEAR_END_REVIEW, 1L));
        assertThat(plan).allSatisfy(a -> assertThat(calendar.of(town).isWorkingDay(a.plannedOn()))
                .as(a.title() + " on " + a.plannedOn()).isTrue());
        assertThat(plan).allSatisfy(a -> assertThat(a.attendance()).as("the group is invited").hasSize(5));

        // every activity held, four of the five present each time (one absent in turn)
        int present = 0;
        int suggestions = 0;
        for (int i = 0; i < plan.size(); i++) {
            SupervisionActivity a = plan.get(i);
            long absent = members.get(i % members.size());
            List<Long> there = members.stream().filter(d -> d != absent).toList();
            int made = a.kind() == ActivityKind.BRIEFING ? 1 : 2;
            asClerk(() -> rhythm.hold(a.id(), a.version(), new HoldForm(a.plannedOn(), "项目现场", a.title() + "：现场查看，听取汇报",
                    made, there)));
            present += there.size();
            suggestions += made;
        }
        assertThat(present).isEqualTo(76);
        assertThat(attested(plan)).as("each presence is one attested duty record").isEqualTo(76);
        long zhaoCount = attestedOf(zhao, plan);
        assertThat(zhaoCount).as("赵大山 was absent from 4 of the 19 (every fifth)").isEqualTo(15);

        // marked absent on a second recording: the record is retracted
        SupervisionActivity firstOne = asClerk(() -> rhythm.get(plan.get(1).id()));
        asClerk(() -> rhythm.hold(firstOne.id(), firstOne.version(), new HoldForm(firstOne.plannedOn(), "项目现场",
                "更正出席", 1, members.stream().filter(d -> d != zhao && d != members.get(1)).toList())));
        assertThat(attestedOf(zhao, plan)).isEqualTo(14);
        asClerk(() -> {
            SupervisionActivity again1 = rhythm.get(firstOne.id());
            return rhythm.hold(again1.id(), again1.version(), new HoldForm(again1.plannedOn(), "项目现场",
                    "再次更正", 1, members.stream().filter(d -> d != members.get(1)).toList()));
        });
        assertThat(attestedOf(zhao, plan)).as("present again: the record is restored").isEqualTo(15);
        assertThat(attested(plan)).isEqualTo(76);

        // 25 problems found → the one rectification ledger, all 25 rectified
        List<RectificationView> raised = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            String problem = "督查发现问题第" + i + "条";
            raised.add(asClerk(() -> desk.raiseFinding(project.id(), new FindingForm(problem, null))));
        }
        assertThat(raised).allSatisfy(r -> assertThat(r.subjectOrgId()).isEqualTo(transport));
        List<RectificationView> theUnitSees = Logins.call(accounts, "unit.jiaotong", () -> desk.findings()).stream()
                .filter(r -> r.subjectTitle().equals(title)).toList();
        assertThat(theUnitSees).as("the bureau sees its items").hasSize(25);
        for (RectificationView r : theUnitSees) {
            Logins.run(accounts, "unit.jiaotong", () -> rectifications.report(r.id(), r.version(), "已整改，附照片"));
        }
        for (RectificationView r : raised) {
            asClerk(() -> {
                RectificationView reported = rectifications.get(r.id());
                rectifications.accept(r.id(), reported.version(), "复查合格");
                return null;
            });
        }
        SupervisedSubjectDetail detail = asClerk(() -> desk.detail(project.id()));
        assertThat(detail.findings()).hasSize(25).allSatisfy(r -> assertThat(r.state())
                .isEqualTo(RectificationState.ACCEPTED));
        assertThat(detail.figures().found()).isEqualTo(25);
        assertThat(detail.figures().rectified()).isEqualTo(25);
        assertThat(detail.figures().held()).isEqualTo(19);
        assertThat(detail.figures().suggestions()).isEqualTo(suggestions).isEqualTo(12 * 1 + 7 * 2);

        // 一年一审议: the secret satisfaction vote of the year-end review, through the appraisal vote engine
        SupervisionActivity review = detail.activities().stream().filter(a -> a.kind() == ActivityKind.YEAR_END_REVIEW)
                .findFirst().orElseThrow();
        VoteSummary vote = asClerk(() -> desk.startYearEndVote(review.id()));
        long subjectInVote = asClerk(() -> votes.detail(vote.id())).subjects().stream()
                .filter(s -> s.title().equals(title)).findFirst().orElseThrow().id();
        asClerk(() -> votes.loadRoll(vote.id(), town, null));
        Logins.run(accounts, "anlan.staff", () -> votes.open(vote.id()));
        Logins.run(accounts, "anlan.staff", () -> votes.enterPaper(vote.id(), 30, Map.of(subjectInVote,
                Map.of("SATISFIED", 20, "FAIRLY", 7, "BASIC", 2, "UNSATISFIED", 1))));
        Logins.call(accounts, "anlan.chair", () -> votes.close(vote.id()));
        SupervisedSubjectDetail after = asClerk(() -> desk.detail(project.id()));
        assertThat(after.vote()).isNotNull();
        assertThat(after.vote().closed()).isTrue();
        assertThat(after.vote().rate()).isEqualByComparingTo("0.9");
        assertThat(after.vote().valid()).isEqualTo(30);

        // the page shows the figures and the result
        Document page = Jsoup.parse(mvc.perform(get("/supervision/subjects/" + project.id())
                .with(Logins.as(accounts, "anlan.staff"))).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#fig-found").text()).isEqualTo("25");
        assertThat(page.select("#fig-rectified").text()).isEqualTo("25");
        assertThat(page.select("#fig-held").text()).isEqualTo("19");
        assertThat(page.select("#group-leader").text()).isEqualTo("赵大山");
        assertThat(page.select("#activity-list tbody tr")).hasSize(19);
        assertThat(page.select("#vote-rate").text()).contains("90.0%").contains("27").contains("30");
        assertThat(page.select("#findings li")).hasSize(25);
        assertThat(page.text()).doesNotContain("BRIEFING", "YEAR_END_REVIEW", "ACCEPTED", "KEY_PROJECT", "??");

        // the year's list and the export name the project with its figures
        Document index = Jsoup.parse(mvc.perform(get("/supervision").param("year", String.valueOf(year))
                .with(Logins.as(accounts, "anlan.staff"))).andReturn().getResponse().getContentAsString());
        assertThat(index.select("#subjects").text()).contains(title, "19/19", "乡村振兴专业监督小组");
        assertThat(plan).noneMatch(a -> a.state() == ActivityState.CANCELLED);
    }

    private long attested(List<SupervisionActivity> plan) {
        return plan.stream().mapToLong(a -> jdbc.sql("select count(*) from duty_record where source_key like ?"
                + " and status = 'VERIFIED'").param("supervision-activity:" + a.id() + ":deputy:%").query(Long.class)
                .single()).sum();
    }

    private long attestedOf(long deputyId, List<SupervisionActivity> plan) {
        return plan.stream().mapToLong(a -> jdbc.sql("select count(*) from duty_record where source_key = ?"
                + " and status = 'VERIFIED'").param("supervision-activity:" + a.id() + ":deputy:" + deputyId)
                .query(Long.class).single()).sum();
    }
}
