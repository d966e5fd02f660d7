package org.renda.deputy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.renda.shared.CurrentActor;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.renda.shared.SystemContext;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lists that would count a province's rows on every page count them only up to a cap: the deputies register
 * (10,000), the review queue (9,999) and the deputy groups a filter offers (200). Here with small caps on the demo:
 * what is counted stops at the cap, and below it the count is exact.
 */
@RendaIntegrationTest
class CappedCountsTest {

    @Autowired DeputyStore deputies;
    @Autowired DutyStore duties;
    @Autowired CurrentActor currentActor;
    @Autowired JdbcClient jdbc;

    private Reach everywhere(Permission p) {
        return SystemContext.call(() -> currentActor.reach(p));
    }

    private static final DeputyStore.Filter ANY = new DeputyStore.Filter("", null, null, "", null, false);

    @Test
    void theRegisterCountsUpToTheCapAndExactlyBelowIt() {
        long all = jdbc.sql("select count(*) from deputy").query(Long.class).single();
        assertThat(all).isGreaterThan(3);
        Reach reach = everywhere(Permission.DEPUTY_READ);
        assertThat(deputies.count(reach, ANY, 3)).isEqualTo(3);
        assertThat(deputies.count(reach, ANY, all + 1)).isEqualTo(all);
    }

    @Test
    void theReviewQueueCountsUpToTheCap() {
        long deputy = jdbc.sql("select min(id) from deputy").query(Long.class).single();
        for (int i = 0; i < 2; i++) {
            jdbc.sql("""
                    insert into duty_record (deputy_id, org_id, type, occurred_on, title, status, recorded_by,
                                             created_at, version)
                    select id, org_id, 'RECEPTION', current_date, '计数上限测试', 'SUBMITTED', 'test', current_timestamp, 0
                      from deputy where id = ?""").param(deputy).update();
        }
        try {
            long waiting = jdbc.sql("select count(*) from duty_record where status = 'SUBMITTED'").query(Long.class)
                    .single();
            Reach reach = everywhere(Permission.DUTY_VERIFY);
            assertThat(duties.queueSize(reach, 1)).isEqualTo(1);
            assertThat(duties.queueSize(reach, waiting + 1)).isEqualTo(waiting);
        } finally {
            jdbc.sql("delete from duty_record where title = '计数上限测试'").update();
        }
    }

    @Test
    void theGroupsOfferedStopAtTheLimitInNameOrder() {
        List<String> all = jdbc.sql("select distinct deputy_group from deputy_mandate where deputy_group is not null"
                + " order by deputy_group").query(String.class).list();
        assertThat(all).hasSizeGreaterThan(1);
        Reach reach = everywhere(Permission.DEPUTY_READ);
        assertThat(deputies.groups(reach, 1)).containsExactly(all.get(0));
        assertThat(deputies.groups(reach, all.size() + 1)).containsExactlyElementsOf(all);
    }

    @Test
    void aRegisterPageBeyondTheCapGoesOnWhilePagesComeFull() {
        var full = new DeputyRegister.Page(java.util.Collections.nCopies(20, null), DeputyRegister.COUNT_CAP, 7, 20,
                true);
        assertThat(full.hasNext()).isTrue();
        assertThat(full.pages()).isEqualTo(8);
        var last = new DeputyRegister.Page(java.util.Collections.nCopies(5, null), DeputyRegister.COUNT_CAP, 9, 20,
                true);
        assertThat(last.hasNext()).isFalse();
        var counted = new DeputyRegister.Page(List.of(), 41, 2, 20, false);
        assertThat(counted.pages()).isEqualTo(3);
        assertThat(counted.hasNext()).isTrue();
    }
}
