package org.renda.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The one form shape, on the "add a child organisation" form: a refused form comes back with what the user typed and
 * each error beside its field (a domain rule's too), nothing saved; a good one redirects to what it created.
 */
@RendaIntegrationTest
class FormShapeTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;

    private MockHttpServletResponse addChild(String code, String name, String sortOrder) throws Exception {
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        return mvc.perform(post("/orgs/" + town + "/children").with(Logins.as(accounts, "anlan.staff")).with(csrf())
                .param("code", code).param("name", name).param("type", "VILLAGE").param("sortOrder", sortOrder))
                .andReturn().getResponse();
    }

    @Test
    void aRefusedFormComesBackWithTheInputAndEachErrorBesideItsField() throws Exception {
        MockHttpServletResponse response = addChild("bad code!", "", "10");
        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("#child-code").hasClass("is-invalid")).isTrue();
        assertThat(page.select("#child-code").val()).as("what the user typed stays").isEqualTo("bad code!");
        assertThat(page.select("#code-error").text()).isNotBlank().doesNotContain("{", "must");
        assertThat(page.select("#name-error").text()).isEqualTo("不能为空");
        assertThat(orgs.findByCode("bad code!")).isEmpty();
    }

    @Test
    void aValueOfTheWrongTypeIsNamedBesideItsFieldAndTheRestIsKept() throws Exception {
        MockHttpServletResponse response = addChild("FS-TYPE", "类型错误村", "十");
        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("#sortOrder-error").text()).isEqualTo("不是有效的数字");
        assertThat(page.select("#child-name").val()).isEqualTo("类型错误村");
        assertThat(orgs.findByCode("FS-TYPE")).isEmpty();
    }

    @Test
    void aDomainRefusalAboutOneFieldIsShownBesideIt() throws Exception {
        MockHttpServletResponse response = addChild("QH-AL", "重复编码村", "1");
        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("#code-error").text()).isEqualTo("编码“QH-AL”已被使用");
        assertThat(page.select("#child-name").val()).isEqualTo("重复编码村");
    }

    @Test
    void aGoodFormRedirectsToWhatItCreated() throws Exception {
        String code = "FS-" + System.nanoTime() % 1_000_000;
        MockHttpServletResponse response = addChild(code, "表单样式村", "9");
        assertThat(response.getRedirectedUrl()).isEqualTo("/orgs/" + orgs.findByCode(code).orElseThrow().id());
    }
}
