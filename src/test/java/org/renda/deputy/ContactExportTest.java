package org.renda.deputy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.shared.excel.Xlsx;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The staff's contact list carries whole phone numbers behind its own permission, and every export of it is
 * audited; the general roster export stays masked for everyone.
 */
@RendaIntegrationTest
class ContactExportTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;

    private record Known(String name, String phone) {}

    /** 李春华 (deputy.li) and her phone as registered. */
    private Known deputyLi() {
        return jdbc.sql("select d.name, d.phone from deputy d join app_user u on u.id = d.user_id"
                + " where u.username = 'deputy.li'").query((rs, n) -> new Known(rs.getString(1), rs.getString(2)))
                .single();
    }

    private long exports() {
        return jdbc.sql("select count(*) from audit_event where entity_type = 'deputy_contacts' and action = 'EXPORTED'")
                .query(Long.class).single();
    }

    @Test
    void aClerkExportsWholePhoneNumbersAndTheExportIsAudited() throws Exception {
        Known li = deputyLi();
        assertThat(li.phone()).isNotBlank();
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        long before = exports();

        MvcResult r = mvc.perform(get("/deputies/export/contacts").param("orgId", String.valueOf(town))
                .with(Logins.as(accounts, "anlan.staff"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        List<Xlsx.SheetRow> rows = Xlsx.read(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()),
                ContactExport.HEADERS);
        Xlsx.SheetRow row = rows.stream().filter(x -> x.get("姓名").equals(li.name())).findFirst().orElseThrow();
        assertThat(row.get("联系电话")).isEqualTo(li.phone());
        assertThat(rows).allSatisfy(x -> assertThat(x.get("代表资格")).doesNotContain("TOWN", "ELECTED"));

        assertThat(exports()).isEqualTo(before + 1);
        String audited = jdbc.sql("select after_state from audit_event where entity_type = 'deputy_contacts'"
                + " order by seq desc limit 1").query(String.class).single();
        assertThat(audited).contains("\"rows\":" + rows.size(), "\"orgId\":" + town);
        assertThat(jdbc.sql("select actor from audit_event where entity_type = 'deputy_contacts'"
                + " order by seq desc limit 1").query(String.class).single()).isEqualTo("anlan.staff");
    }

    @Test
    void readersWithoutThePermissionGetNothingAndTheGeneralExportStaysMasked() throws Exception {
        long before = exports();
        for (String reader : List.of("anlan.chair", "deputy.li", "city.superior", "eval.wang")) {
            assertThat(mvc.perform(get("/deputies/export/contacts").with(Logins.as(accounts, reader))).andReturn()
                    .getResponse().getStatus()).as(reader).isEqualTo(404);
        }
        long shiqiao = orgs.findByCode("QH-SQ").orElseThrow().id();
        assertThat(mvc.perform(get("/deputies/export/contacts").param("orgId", String.valueOf(shiqiao))
                .with(Logins.as(accounts, "anlan.staff"))).andReturn().getResponse().getStatus())
                .as("another town's contacts").isEqualTo(404);
        assertThat(exports()).as("refusals are not exports").isEqualTo(before);

        Known li = deputyLi();
        for (String who : List.of("anlan.staff", "anlan.chair")) {
            MvcResult r = mvc.perform(get("/deputies/export").with(Logins.as(accounts, who))).andReturn();
            List<Xlsx.SheetRow> rows = Xlsx.read(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()),
                    List.of("姓名", "联系电话"));
            Xlsx.SheetRow row = rows.stream().filter(x -> x.get("姓名").equals(li.name())).findFirst().orElseThrow();
            assertThat(row.get("联系电话")).as(who).isNotEqualTo(li.phone()).contains("*");
        }
    }
}
