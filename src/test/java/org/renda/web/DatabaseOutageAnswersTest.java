package org.renda.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.renda.shared.web.Feedback;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * While the primary database is lost and the standby not yet promoted, a partner system is told to come back in a
 * few seconds (503, Retry-After) and a person sees "try again in a few seconds", not "internal error"; a real fault
 * stays a 500.
 */
class DatabaseOutageAnswersTest {

    @RestController
    static class FailingApi {
        @PostMapping("/api/v1/public/opinions")
        String submit() {
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"));
        }

        @GetMapping("/api/v1/broken")
        String broken() {
            throw new BadSqlGrammarException("select", "selct 1", new SQLException("syntax error", "42601"));
        }
    }

    @Controller
    static class FailingPage {
        @GetMapping("/cases")
        String cases() {
            throw new DataAccessResourceFailureException("select",
                    new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        }
    }

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        Navigation navigation = Mockito.mock(Navigation.class);
        Feedback feedback = Mockito.mock(Feedback.class);
        mvc = MockMvcBuilders.standaloneSetup(new FailingApi(), new FailingPage())
                .setControllerAdvice(new ApiErrors(messages, feedback), new PageErrors(messages, navigation, feedback))
                .build();
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void tearDown() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aPartnerIsToldToRetryWhileTheDatabaseFailsOver() throws Exception {
        var res = mvc.perform(post("/api/v1/public/opinions").header("Accept-Language", "zh-CN"))
                .andReturn().getResponse();
        assertThat(res.getStatus()).isEqualTo(503);
        assertThat(res.getHeader("Retry-After")).isEqualTo("5");
        assertThat(res.getContentType()).startsWith("application/problem+json");
        String body = res.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("urn:renda:problem:error.databaseUnavailable").contains("数据库暂时不可用")
                .doesNotContain("Hikari").doesNotContain("JDBC");
    }

    @Test
    void aFaultOfOursStaysAnInternalError() throws Exception {
        var res = mvc.perform(get("/api/v1/broken")).andReturn().getResponse();
        assertThat(res.getStatus()).isEqualTo(500);
        assertThat(res.getHeader("Retry-After")).isNull();
        assertThat(res.getContentAsString(StandardCharsets.UTF_8)).contains("urn:renda:problem:error.500");
    }

    @Test
    void aPersonSeesTryAgainInAFewSecondsOnAPage() throws Exception {
        var result = mvc.perform(get("/cases").header("Accept-Language", "zh-CN")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("5");
        assertThat(result.getModelAndView()).isNotNull();
        assertThat(result.getModelAndView().getViewName()).isEqualTo("error");
        assertThat(result.getModelAndView().getModel()).containsEntry("status", 503)
                .containsEntry("message", "数据库暂时不可用（可能正在切换到备用数据库），请几秒后再试。已经确认保存的内容不会丢失。");
    }
}
