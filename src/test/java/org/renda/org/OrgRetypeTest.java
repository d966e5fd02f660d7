package org.renda.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import org.junit.jupiter.api.Test;
import org.renda.identity.Logins;
import org.renda.shared.DomainException;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A type change keeps the tree's rules: the parent and every child must still fit, and the root's type is fixed. */
@RendaIntegrationTest
class OrgRetypeTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired OrgAdministration admin;

    private OrgView byCode(String code) {
        return orgs.findByCode(code).orElseThrow();
    }

    @Test
    void aTownWithVillagesCannotBecomeADepartmentOverTheApi() throws Exception {
        OrgView town = byCode("QH-LX");
        String token = (String) mvc.perform(post("/account/tokens").with(Logins.as(accounts, "county.staff"))
                .with(csrf()).param("name", "改类型").param("days", "1")).andReturn().getFlashMap().get("newToken");
        var res = mvc.perform(put("/api/v1/orgs/" + town.id()).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + town.name() + "\",\"type\":\"DEPARTMENT\",\"sortOrder\":" + town.sortOrder()
                        + ",\"version\":" + town.version() + "}"))
                .andReturn().getResponse();
        assertThat(res.getStatus()).isEqualTo(422);
        assertThat(res.getContentType()).startsWith("application/problem+json");
        assertThat(res.getContentAsString()).contains("不能改为", "柳溪村", "不能设在", "urn:renda:problem:org.error.typeStrandsChild");
        assertThat(byCode("QH-LX").type()).isEqualTo(OrgType.TOWN);
    }

    @Test
    void theRootKeepsItsTypeButMayBeRenamed() {
        OrgView root = byCode("JN");
        assertThatThrownBy(() -> Logins.call(accounts, "admin", () -> admin.update(root.id(),
                new OrgAdministration.OrgChange(root.name(), OrgType.STREET, root.sortOrder(), root.version()))))
                .isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "org.error.rootTypeFixed");
        OrgView renamed = Logins.call(accounts, "admin", () -> admin.update(root.id(),
                new OrgAdministration.OrgChange(root.name(), root.type(), root.sortOrder(), root.version())));
        assertThat(renamed.type()).isEqualTo(OrgType.PROVINCE);
    }

    @Test
    void aTownMayBecomeAStreetSinceItsVillagesStillFitAndAChildlessUnitMayBecomeADepartment() {
        OrgView county = byCode("QH");
        String code = "RT-" + System.nanoTime() % 1_000_000;
        OrgView town = Logins.call(accounts, "county.staff", () -> admin.create(
                new OrgAdministration.NewOrg(code, "改型镇", OrgType.TOWN, county.id(), 900)));
        OrgView village = Logins.call(accounts, "county.staff", () -> admin.create(
                new OrgAdministration.NewOrg(code + "-V", "改型村", OrgType.VILLAGE, town.id(), 1)));
        OrgView street = Logins.call(accounts, "county.staff", () -> admin.update(town.id(),
                new OrgAdministration.OrgChange("改型街道", OrgType.STREET, 900, town.version())));
        assertThat(street.type()).isEqualTo(OrgType.STREET);

        assertThatThrownBy(() -> Logins.call(accounts, "county.staff", () -> admin.update(town.id(),
                new OrgAdministration.OrgChange("改型单位", OrgType.UNIT, 900, street.version()))))
                .hasFieldOrPropertyWithValue("messageKey", "org.error.typeStrandsChild");

        OrgView unit = Logins.call(accounts, "county.staff", () -> admin.create(
                new OrgAdministration.NewOrg(code + "-U", "改型单位", OrgType.UNIT, county.id(), 901)));
        assertThat(Logins.call(accounts, "county.staff", () -> admin.update(unit.id(),
                new OrgAdministration.OrgChange("改型部门", OrgType.DEPARTMENT, 901, unit.version()))).type())
                .isEqualTo(OrgType.DEPARTMENT);

        // Leave the county as the demo has it: other tests count its towns and its 27 departments and units.
        Logins.call(accounts, "county.staff", () -> {
            admin.deactivate(unit.id());
            admin.deactivate(village.id());
            return admin.deactivate(town.id());
        });
    }
}
