package org.renda.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.renda.support.RendaIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Light pages over real HTTP (Tomcat compresses, MockMvc would not): pages link their static assets under
 * content-hashed URLs that are cached for a year, large assets and pages travel gzipped, pages are never stored.
 */
@RendaIntegrationTest
class PageWeightHeadersTest {

    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:webjars|css|js)/[^\"]+)\"");

    @LocalServerPort int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pagesLinkEveryStaticAssetUnderAContentHashedUrl() throws Exception {
        String html = get("/login", false).body();
        Matcher m = ASSET.matcher(html);
        int assets = 0;
        while (m.find()) {
            assets++;
            assertThat(m.group(1)).as("hashed").matches(".*-[0-9a-f]{32}\\.(css|js)");
        }
        assertThat(assets).as("bootstrap, renda.css, htmx, renda.js").isGreaterThanOrEqualTo(4);
        assertThat(html).contains("/webjars/bootstrap/").doesNotContain("/webjars/bootstrap/css/bootstrap.min.css\"");
    }

    @Test
    void aHashedAssetIsCachedForAYearAndTravelsGzipped() throws Exception {
        String bootstrap = asset("bootstrap.min");
        HttpResponse<byte[]> res = getBytes(bootstrap, true);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
                .contains("max-age=31536000", "public", "immutable").doesNotContain("no-store"));
        assertThat(res.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(res.body().length).as("gzipped Bootstrap CSS").isLessThan(60_000);

        HttpResponse<byte[]> plain = getBytes(bootstrap, false);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body().length).isGreaterThan(150_000);

        assertThat(getBytes(asset("htmx.min"), true).headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("immutable"));
    }

    @Test
    void anAssetAskedForWithoutItsHashIsRevalidatedNotKeptForAYear() throws Exception {
        var res = getBytes("/css/renda.css", true);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().allValues("Cache-Control")).containsExactly("no-cache");
        assertThat(getBytes("/webjars/bootstrap/css/bootstrap.min.css", true).headers().allValues("Cache-Control"))
                .containsExactly("no-cache");
    }

    @Test
    void pagesAreCompressedButNeverStored() throws Exception {
        var res = getBytes("/public/opinions/new", true);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(res.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
                .contains("no-store"));
    }

    private String asset(String name) throws Exception {
        Matcher m = ASSET.matcher(get("/login", false).body());
        while (m.find()) {
            if (m.group(1).contains("/" + name + "-")) {
                return m.group(1);
            }
        }
        throw new AssertionError("no link to " + name);
    }

    private HttpResponse<String> get(String path, boolean gzip) throws Exception {
        return http.send(request(path, gzip), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String path, boolean gzip) throws Exception {
        return http.send(request(path, gzip), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest request(String path, boolean gzip) {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (gzip) {
            b.header("Accept-Encoding", "gzip");
        }
        return b.build();
    }
}
