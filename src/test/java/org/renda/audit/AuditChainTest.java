package org.renda.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renda.identity.Logins;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.renda.org.OrgAdministration;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.renda.shared.SystemContext;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;

/** Every change lands in the chain with before and after; any later edit or deletion is pinpointed. */
@RendaIntegrationTest
class AuditChainTest {

    @Autowired AuditTrail trail;
    @Autowired OrgAdministration orgAdmin;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;

    private OrgView village;

    @BeforeEach
    void createAndRenameAVillage() {
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        String code = "AUD-" + System.nanoTime() % 100_000_000;
        village = SystemContext.call(() -> {
            OrgView v = orgAdmin.create(new OrgAdministration.NewOrg(code, "审计村", OrgType.VILLAGE, town, 50));
            return orgAdmin.update(v.id(), new OrgAdministration.OrgChange("审计新村", OrgType.VILLAGE, 50, v.version()));
        });
    }

    private long seqOf(String action) {
        return jdbc.sql("select max(seq) from audit_event where entity_type = 'organisation' and entity_id = ? and action = ?")
                .params(String.valueOf(village.id()), action).query(Long.class).single();
    }

    @Test
    void aChangeIsRecordedWithWhoWhatBeforeAndAfter() {
        Map<String, Object> row = jdbc.sql("select * from audit_event where seq = ?").param(seqOf("UPDATED"))
                .query().singleRow();
        assertThat(row.get("actor")).isEqualTo("system");
        assertThat((String) row.get("before_state")).contains("审计村");
        assertThat((String) row.get("after_state")).contains("审计新村");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void editingAnEntryBreaksTheChainAtThatEntry() {
        long seq = seqOf("UPDATED");
        String original = jdbc.sql("select after_state from audit_event where seq = ?").param(seq).query(String.class)
                .single();
        jdbc.sql("update audit_event set after_state = ? where seq = ?").params(original.replace("审计新村", "伪造村"), seq)
                .update();
        try {
            ChainVerification v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(seq);
            assertThat(v.breaks()).containsExactly(new ChainVerification.Break(ChainVerification.Kind.CONTENT, seq, seq));
        } finally {
            jdbc.sql("update audit_event set after_state = ? where seq = ?").params(original, seq).update();
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void rewritingAnEntryWithAFreshHashStillBreaksTheNextLink() {
        long seq = seqOf("CREATED");
        Map<String, Object> row = jdbc.sql("select * from audit_event where seq = ?").param(seq).query().singleRow();
        String forgedHash = "f".repeat(64);
        jdbc.sql("update audit_event set hash = ? where seq = ?").params(forgedHash, seq).update();
        try {
            ChainVerification v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(seq);
        } finally {
            jdbc.sql("update audit_event set hash = ? where seq = ?").params(row.get("hash"), seq).update();
        }
    }

    @Test
    void deletingAnEntryIsFoundAsAGap() {
        long seq = seqOf("CREATED");
        Map<String, Object> row = jdbc.sql("select * from audit_event where seq = ?").param(seq).query().singleRow();
        jdbc.sql("delete from audit_event where seq = ?").param(seq).update();
        try {
            ChainVerification v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(seq);
            assertThat(v.breaks()).containsExactly(new ChainVerification.Break(ChainVerification.Kind.GAP, seq, seq));
        } finally {
            jdbc.sql("""
                    insert into audit_event (seq, org_id, occurred_at, actor, action, entity_type, entity_id,
                                             before_state, after_state, prev_hash, hash)
                    values (:seq, :org_id, :occurred_at, :actor, :action, :entity_type, :entity_id,
                            :before_state, :after_state, :prev_hash, :hash)""").params(row).update();
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void anAdministratorVerifiesTheChainFromTheAuditPageAndStaffReadARecordsHistory() throws Exception {
        var verify = mvc.perform(post("/audit/verify").with(csrf()).with(Logins.as(accounts, "admin"))).andReturn();
        assertThat(verify.getResponse().getRedirectedUrl()).isEqualTo("/audit");
        String page = mvc.perform(get("/audit").flashAttrs(verify.getFlashMap()).with(Logins.as(accounts, "admin")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("哈希链完整");

        String history = mvc.perform(get("/audit/history").param("type", "organisation")
                        .param("id", String.valueOf(village.id())).with(Logins.as(accounts, "anlan.staff")))
                .andReturn().getResponse().getContentAsString();
        assertThat(history).contains("审计村", "审计新村");
        int refused = mvc.perform(post("/audit/verify").with(csrf()).with(Logins.as(accounts, "anlan.staff")))
                .andReturn().getResponse().getStatus();
        assertThat(refused).isEqualTo(404);
    }

    @Test
    void anEntryCannotBeWrittenOutsideTheTransactionOfItsChange() {
        assertThatThrownBy(() -> trail.record(1, "organisation", 1, "UPDATED", null, null))
                .isInstanceOf(IllegalTransactionStateException.class);
    }
}
