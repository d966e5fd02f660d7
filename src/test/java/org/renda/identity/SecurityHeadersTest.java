package org.renda.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.renda.org.OrgTree;
import org.renda.shared.Role;
import org.renda.shared.SystemContext;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The headers every page and API answer carries, and sign-in behind a TLS-terminating reverse proxy (the tests run
 * with server.forward-headers-strategy=native, as production behind nginx does, and 127.0.0.1 plays the proxy).
 */
@RendaIntegrationTest
class SecurityHeadersTest {

    @Autowired MockMvc mvc;
    @Autowired UserAdministration users;
    @Autowired OrgTree orgs;
    @LocalServerPort int port;

    @Test
    void pagesForbidInlineScriptAndPowerfulFeaturesAndKeepTheReferrerToTheOrigin() throws Exception {
        for (String path : new String[] {"/login", "/public/opinions", "/api/v1/public/categories"}) {
            var res = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(res.getHeader("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
            assertThat(res.getHeader("Permissions-Policy")).as(path).contains("camera=()", "microphone=()",
                    "geolocation=()");
            assertThat(res.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(res.getHeader("Strict-Transport-Security")).as("no HSTS over plain http").isNull();
        }
        String csp = mvc.perform(get("/login")).andReturn().getResponse().getHeader("Content-Security-Policy");
        String scriptSrc = csp.replaceAll(".*script-src ([^;]*).*", "$1");
        assertThat(scriptSrc).isEqualTo("'self'");
        assertThat(csp).contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'");
    }

    @Test
    void aSecureRequestGetsHsts() throws Exception {
        var res = mvc.perform(get("/login").secure(true)).andReturn().getResponse();
        assertThat(res.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
    }

    @Test
    void behindAProxyTheClientAddressComesFromItsHeadersAndHttpsMakesTheCookieSecure() throws Exception {
        String name = "x" + System.nanoTime() % 100_000_000;
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        SystemContext.run(() -> users.create(new UserAdministration.NewUser(name, "代理测试", town, null, null,
                "first-pass1", List.of(new UserAdministration.GrantRequest(Role.STAFF, town)))));

        for (int i = 0; i < 5; i++) {
            assertThat(signIn("stranger" + i, "guess-pass" + i, "203.0.113.140")).endsWith("/login?error");
        }
        assertThat(signIn(name, "first-pass1", "203.0.113.140")).as("that client waits").endsWith("/login?error");
        assertThat(signIn(name, "first-pass1", "203.0.113.141")).as("another client behind the same proxy")
                .isEqualTo("https://localhost/");
    }

    private String signIn(String user, String password, String client) throws Exception {
        // No cookie jar: it would keep a Secure cookie from going back over the plain http the proxy speaks to us.
        var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = http.send(proxied("/login", client).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.headers().firstValue("Strict-Transport-Security")).as("https at the proxy").isPresent();
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .findFirst().orElseThrow();
        assertThat(cookie).as("session cookie").containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(m.find()).isTrue();
        String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> posted = http.send(proxied("/login", client).header("Cookie", cookie.split(";")[0])
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(302);
        return posted.headers().firstValue("Location").orElseThrow();
    }

    private HttpRequest.Builder proxied(String path, String client) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-For", client).header("X-Forwarded-Proto", "https");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
