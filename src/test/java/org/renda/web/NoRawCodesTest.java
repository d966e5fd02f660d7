package org.renda.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Chinese screens show no codes. Signed in as each role, walks the pages as a user clicks through them
 * ({@link PageWalk}) and fails on any visible text (and title, placeholder, aria-label) that shows a code instead
 * of words: an enum constant or audit code ({@code RATE}, {@code GROUP_CREATED}), a record type
 * ({@code assessment_period}), a message key Thymeleaf could not resolve ({@code ??case.x_zh_CN??}) or an unfilled
 * placeholder ({@code {0}}).
 */
@RendaIntegrationTest
class NoRawCodesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;

    @ParameterizedTest
    @ValueSource(strings = {"admin", "county.director", "unit.jiaotong", "deputy.li", "eval.wang"})
    void noPageShowsACodeAPlaceholderOrAMissingMessage(String username) throws Exception {
        assertThat(walk(username, List.of("/", "/audit", "/cases", "/deputies", "/stations", "/appraisals",
                "/assessments", "/supervision/steps", "/supervision/official-reports"), 70)).as("codes on the pages %s saw", username).isEmpty();
    }

    @Test
    void noPublicPageShowsACode() throws Exception {
        assertThat(walk(null, List.of("/login", "/public/opinions/new", "/public/opinions/track",
                "/public/deputies", "/public/stations", "/public/appraisals",
                // the congresses' public sites (issue 14, portal)
                "/public/c/QH", "/public/c/QH-AL"), 60)).isEmpty();
    }

    @Test
    void theCheckSeesCodesPlaceholdersAndMissingMessages() {
        assertThat(PageWalk.codesInHtml("<p>已签收 （RATE）</p><span title=\"GROUP_CREATED\">x</span>"
                + "<li>assessment_period #4</li><b>{0} 至 {1}</b><i>??case.x_zh_CN??</i><u>来自 deputy.duty.org.X</u>"))
                .containsExactlyInAnyOrder("RATE", "GROUP_CREATED", "assessment_period", "{0}", "{1}",
                        "??case.x_zh_CN??", "deputy.duty.org.X");
        assertThat(PageWalk.codesInHtml("<p>PDF 与 QR 码，编码 QH-AL，用户 deputy.li，网址 https://renda.qinghe.gov.cn/x"
                + "</p><script>var RATE = 1;</script>")).isEmpty();
    }

    private Map<String, Set<String>> walk(@Nullable String username, List<String> starts, int max)
            throws Exception {
        Map<String, Set<String>> findings = new TreeMap<>();
        int pages = new PageWalk(mvc, accounts).walk(username, starts, max, (path, html) -> {
            Set<String> found = PageWalk.codesInHtml(html);
            if (!found.isEmpty()) {
                findings.put(path, found);
            }
        });
        assertThat(pages).as("pages walked").isGreaterThan(username == null ? 2 : 5);
        return findings;
    }
}
