import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.renda.web.OpenApiContract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A bounded fuzzer of Renda's JSON API, driven by its own OpenAPI document. Run by bench/fuzz/run-api-fuzz.sh
 * against an application it started on loopback; not part of the build.
 *
 * <p>Signs in demo users through the form, issues each a bearer token on the account page, reads /v3/api-docs,
 * harvests real ids and codes from the list operations, then sends {@code --requests} generated requests (or
 * stops at {@code --max-time}): valid bodies from the schemas, and hostile ones (NUL bytes, huge strings,
 * negative and overflowing numbers, wrong types, missing fields, impossible dates, foreign ids, malformed JSON,
 * wrong media types). Every answer is checked with {@link OpenApiContract}: a 5xx or a violation of the
 * document is counted and the first examples are printed. Exit code 0 when none were found, 1 otherwise.
 */
public class ApiFuzz {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final Pattern CSRF = Pattern.compile(
            "name=\"_csrf\"[^>]*?value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*?name=\"_csrf\"|<meta name=\"_csrf\" content=\"([^\"]+)\"");
    static final Pattern TOKEN = Pattern.compile("id=\"new-token\"[^>]*>([^<]+)<");
    static final String[] USERS = {"admin", "county.staff", "anlan.staff", "shiqiao.staff", "deputy.li",
        "deputy.zhao", "eval.wang", "unit.jiaotong", "city.superior"};

    final String base;
    final Random random;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Map<String, String> tokens = new LinkedHashMap<>();
    final List<Long> ids = new ArrayList<>();
    final List<String> codes = new ArrayList<>();
    OpenApiContract contract;
    JsonNode schemas;

    final Map<String, Integer> statuses = new TreeMap<>();
    final Map<String, Integer> perOp = new TreeMap<>();
    final Map<String, String> serverErrors = new LinkedHashMap<>();
    final Map<String, Integer> serverErrorCounts = new TreeMap<>();
    final Map<String, String> violations = new LinkedHashMap<>();
    final Map<String, Integer> violationCounts = new TreeMap<>();
    final Map<String, String> containerRejected = new LinkedHashMap<>();
    final Map<String, Integer> containerCounts = new TreeMap<>();
    int sent;
    int failedToSend;

    ApiFuzz(String base, long seed) {
        this.base = base;
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String base = opts.getOrDefault("base", "http://127.0.0.1:8097");
        URI uri = URI.create(base);
        if (!Set.of("127.0.0.1", "localhost", "[::1]").contains(uri.getHost())) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        int requests = Integer.parseInt(opts.getOrDefault("requests", "10000"));
        Duration maxTime = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("max-seconds", "900")));
        ApiFuzz fuzz = new ApiFuzz(base, Long.parseLong(opts.getOrDefault("seed", "20261204")));
        fuzz.prepare(opts.getOrDefault("password", "renda-demo"));
        long started = System.nanoTime();
        fuzz.run(requests, maxTime);
        boolean clean = fuzz.report(Duration.ofNanos(System.nanoTime() - started), opts.get("out"));
        System.exit(clean ? 0 : 1);
    }

    // ------------------------------------------------------------------ set-up

    void prepare(String password) throws Exception {
        for (String user : USERS) {
            // The demo county is loaded after the server answers: retry the first sign-in for up to 5 minutes.
            for (int attempt = 1; ; attempt++) {
                try {
                    tokens.put(user, tokenOf(user, password));
                    break;
                } catch (IllegalStateException e) {
                    if (attempt >= 100) {
                        throw e;
                    }
                    Thread.sleep(3000);
                }
            }
        }
        String docs = http.send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        contract = new OpenApiContract(docs);
        schemas = contract.spec().path("components").path("schemas");
        System.out.printf("tokens for %d users, %d operations documented%n", tokens.size(), contract.operations().size());
        // Harvest real ids and codes: every GET without path parameters, as every user; then one level deeper.
        for (int round = 0; round < 2; round++) {
            for (OpenApiContract.Op op : contract.operations()) {
                if (!op.method().equals("GET") || (round == 0) == op.template().contains("{")) {
                    continue;
                }
                for (String user : USERS) {
                    String path = op.template();
                    if (path.contains("{")) {
                        if (ids.isEmpty()) {
                            continue;
                        }
                        path = path.replaceAll("\\{(code|receiptCode)}", codes.isEmpty() ? "x" : pick(codes))
                                .replaceAll("\\{[^}]+}", String.valueOf(pick(ids)));
                    }
                    path += requiredQuery(op);
                    HttpResponse<String> res = send("GET", path, tokens.get(user), null, null);
                    if (res != null && res.statusCode() == 200) {
                        harvest(JSON.readTree(res.body()));
                    }
                }
            }
        }
        System.out.printf("harvested %d ids and %d codes%n", ids.size(), codes.size());
    }

    String requiredQuery(OpenApiContract.Op op) {
        StringBuilder q = new StringBuilder();
        for (JsonNode p : op.node().path("parameters")) {
            if ("query".equals(p.path("in").asString()) && p.path("required").asBoolean()) {
                String name = p.path("name").asString();
                String value = switch (name) {
                    case "year" -> "2026";
                    case "from" -> "2026-01-01";
                    case "to" -> "2026-12-31";
                    default -> "1";
                };
                q.append(q.isEmpty() ? "?" : "&").append(name).append('=').append(value);
            }
        }
        return q.toString();
    }

    void harvest(JsonNode node) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String k = e.getKey();
                JsonNode v = e.getValue();
                if (v.isIntegralNumber() && (k.equals("id") || k.endsWith("Id")) && ids.size() < 5000) {
                    ids.add(v.asLong());
                } else if (v.isString() && (k.equals("publicCode") || k.equals("receiptCode") || k.equals("code"))
                        && codes.size() < 2000) {
                    codes.add(v.asString());
                } else {
                    harvest(v);
                }
            });
        } else if (node.isArray()) {
            node.forEach(this::harvest);
        }
    }

    String tokenOf(String user, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf(login));
        HttpResponse<String> signedIn = browser.send(post(base + "/login", form), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in of " + user + " failed: " + signedIn.statusCode());
        }
        String account = browser.send(HttpRequest.newBuilder(URI.create(base + "/account")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        browser.send(post(base + "/account/tokens", "name=fuzz&days=1&_csrf=" + enc(csrf(account))),
                HttpResponse.BodyHandlers.ofString());
        String shown = browser.send(HttpRequest.newBuilder(URI.create(base + "/account")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = TOKEN.matcher(shown);
        if (!m.find()) {
            throw new IllegalStateException("no token shown on the account page of " + user);
        }
        return m.group(1).strip();
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in page");
        }
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }

    static HttpRequest post(String url, String form) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    // ------------------------------------------------------------------ the run

    void run(int requests, Duration maxTime) throws Exception {
        List<OpenApiContract.Op> ops = contract.operations();
        long deadline = System.nanoTime() + maxTime.toNanos();
        while (sent < requests && System.nanoTime() < deadline) {
            OpenApiContract.Op op = ops.get(random.nextInt(ops.size()));
            boolean hostile = random.nextInt(100) < 60;
            String token = random.nextInt(12) == 0 ? null
                    : random.nextInt(40) == 0 ? "rnd_" + "x".repeat(43) : pick(new ArrayList<>(tokens.values()));
            String path = path(op, hostile);
            String[] body = body(op, hostile);
            HttpResponse<String> res = send(op.method(), path, token, body[0], body[1]);
            if (res == null) {
                failedToSend++; // refused by the HTTP client itself (e.g. a NUL byte in a header): not counted
                continue;
            }
            sent++;
            record(op, path, body[0], res);
            if (sent % 1000 == 0) {
                System.out.printf("%d sent, %d 5xx, %d violations%n", sent,
                        serverErrorCounts.values().stream().mapToInt(Integer::intValue).sum(),
                        violationCounts.values().stream().mapToInt(Integer::intValue).sum());
            }
        }
    }

    void record(OpenApiContract.Op op, String path, String body, HttpResponse<String> res) {
        String status = String.valueOf(res.statusCode());
        statuses.merge(status, 1, Integer::sum);
        perOp.merge(op.key() + " " + status, 1, Integer::sum);
        String example = op.method() + " " + path + (body == null ? "" : "  body: " + abbreviate(body))
                + "\n      → " + status + " " + abbreviate(res.body());
        if (res.statusCode() >= 500) {
            String key = op.key() + " " + status;
            serverErrorCounts.merge(key, 1, Integer::sum);
            serverErrors.putIfAbsent(key, example);
        }
        if (res.statusCode() == 400 && res.body().startsWith("<!doctype html>")
                && res.body().contains("HTTP Status 400")) {
            // Tomcat refused the request line itself (a NUL byte in the path, an over-long URL) before any
            // filter or controller of Renda ran: counted apart, not a violation of the application's contract.
            String key = op.key();
            containerCounts.merge(key, 1, Integer::sum);
            containerRejected.putIfAbsent(key, example);
            return;
        }
        for (String v : contract.check(op.method(), path, res.statusCode(),
                res.headers().firstValue("Content-Type").orElse(null), res.body())) {
            String key = v.replaceAll("\\d+", "#").replaceAll("/\\[#]", "/[]");
            violationCounts.merge(key, 1, Integer::sum);
            violations.putIfAbsent(key, example);
        }
    }

    HttpResponse<String> send(String method, String path, String token, String body, String contentType) {
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json, application/problem+json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                req.header("Authorization", "Bearer " + token);
            }
            if (contentType != null) {
                req.header("Content-Type", contentType);
            }
            if (random.nextInt(10) == 0) {
                req.header("Idempotency-Key", random.nextBoolean() ? "fuzz-" + random.nextInt(50) : hostileString());
            }
            return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException e) {
            return null; // a header value the client itself refuses
        } catch (Exception e) {
            System.out.println("send failed: " + method + " " + abbreviate(path) + ": " + e);
            return null;
        }
    }

    // ------------------------------------------------------------------ generation

    String path(OpenApiContract.Op op, boolean hostile) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(op.template());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (hostile && random.nextInt(3) == 0) {
                value = pathHostile();
            } else if (name.equals("code") || name.equals("receiptCode")) {
                value = codes.isEmpty() ? "ABCDEFGHJK" : pick(codes);
            } else {
                value = ids.isEmpty() ? "1" : String.valueOf(pick(ids));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        StringBuilder query = new StringBuilder();
        for (JsonNode p : op.node().path("parameters")) {
            if (!"query".equals(p.path("in").asString())) {
                continue;
            }
            boolean required = p.path("required").asBoolean();
            if (!required && random.nextInt(3) == 0 || required && hostile && random.nextInt(8) == 0) {
                continue; // leave it out
            }
            String value = hostile && random.nextInt(2) == 0 ? hostileScalar()
                    : scalar(resolve(p.path("schema")), p.path("name").asString());
            query.append(query.isEmpty() ? "?" : "&").append(p.path("name").asString()).append('=').append(enc(value));
        }
        return out + query.toString();
    }

    String pathHostile() {
        return switch (random.nextInt(9)) {
            case 0 -> "-1";
            case 1 -> "0";
            case 2 -> "9223372036854775807";
            case 3 -> "9223372036854775808";
            case 4 -> "abc";
            case 5 -> "%00";
            case 6 -> enc("长".repeat(300));
            case 7 -> "1.5";
            default -> "%20";
        };
    }

    String[] body(OpenApiContract.Op op, boolean hostile) {
        JsonNode content = op.node().path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return new String[] {null, null};
        }
        JsonNode schema = content.path("application/json").path("schema");
        if (hostile) {
            switch (random.nextInt(12)) {
                case 0:
                    return new String[] {"{\"broken\": ", "application/json"};
                case 1:
                    return new String[] {"name=x&code=y", random.nextBoolean() ? "text/plain" : "application/x-www-form-urlencoded"};
                case 2:
                    return new String[] {"[1,2,3]", "application/json"};
                case 3:
                    return new String[] {"{\"x\":\"" + "长".repeat(40_000) + "\"}", "application/json"};
                case 4:
                    return new String[] {"", "application/json"};
                case 5:
                    return new String[] {"null", "application/json"};
                default:
                    break;
            }
        }
        JsonNode value = generate(schema, 0, hostile);
        return new String[] {value.toString(), "application/json"};
    }

    JsonNode generate(JsonNode schema, int depth, boolean hostile) {
        schema = resolve(schema);
        if (hostile && random.nextInt(10) == 0) {
            return hostileValue();
        }
        if (schema.has("oneOf")) {
            return generate(schema.get("oneOf").get(random.nextInt(schema.get("oneOf").size())), depth, hostile);
        }
        Set<String> types = types(schema);
        if (types.contains("null") && random.nextInt(4) == 0) {
            return F.nullNode();
        }
        if (schema.has("enum")) {
            JsonNode e = schema.get("enum");
            return e.get(random.nextInt(e.size()));
        }
        if (types.contains("object") || schema.has("properties") || schema.has("additionalProperties")) {
            ObjectNode o = F.objectNode();
            if (depth > 5) {
                return o;
            }
            Set<String> required = new java.util.HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asString()));
            schema.path("properties").properties().forEach(e -> {
                boolean drop = hostile ? random.nextInt(5) == 0 : !required.contains(e.getKey()) && random.nextInt(4) == 0;
                if (!drop) {
                    o.set(e.getKey(), generate(e.getValue(), depth + 1, hostile));
                }
            });
            if (schema.has("additionalProperties") && schema.get("additionalProperties").isObject()) {
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    String key = random.nextBoolean() && !ids.isEmpty() ? String.valueOf(pick(ids))
                            : hostile ? hostileString() : "k" + random.nextInt(20);
                    o.set(key, generate(schema.get("additionalProperties"), depth + 1, hostile));
                }
            }
            if (hostile && random.nextInt(6) == 0) {
                o.put("unexpected" + random.nextInt(3), hostileString());
            }
            return o;
        }
        if (types.contains("array")) {
            ArrayNode a = F.arrayNode();
            int n = hostile && random.nextInt(10) == 0 ? 500 : random.nextInt(4);
            for (int i = 0; i < n; i++) {
                a.add(generate(schema.path("items"), depth + 1, hostile && i < 5));
            }
            return a;
        }
        if (types.contains("integer")) {
            if (random.nextInt(3) > 0 && !ids.isEmpty()) {
                return F.numberNode(pick(ids));
            }
            long min = schema.path("minimum").asLong(-5);
            long max = schema.path("maximum").asLong(100);
            return F.numberNode(min + (long) (random.nextDouble() * (max - min + 1)));
        }
        if (types.contains("number")) {
            return F.numberNode(new java.math.BigDecimal(random.nextInt(2000) / 100.0).setScale(2,
                    java.math.RoundingMode.HALF_UP));
        }
        if (types.contains("boolean")) {
            return F.booleanNode(random.nextBoolean());
        }
        return F.stringNode(scalar(schema, ""));
    }

    String scalar(JsonNode schema, String name) {
        Set<String> types = types(schema);
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size())).asString();
        }
        if (types.contains("integer")) {
            if (name.equals("year")) {
                return String.valueOf(2024 + random.nextInt(4));
            }
            return !ids.isEmpty() && random.nextBoolean() ? String.valueOf(pick(ids)) : String.valueOf(random.nextInt(60));
        }
        if (types.contains("boolean")) {
            return String.valueOf(random.nextBoolean());
        }
        String format = schema.path("format").asString("");
        if (format.equals("date") || name.equals("from") || name.equals("to")) {
            return "2026-%02d-%02d".formatted(1 + random.nextInt(12), 1 + random.nextInt(28));
        }
        if (format.equals("date-time")) {
            return "2026-03-02T09:00:00Z";
        }
        if (schema.has("pattern") && schema.get("pattern").asString().equals("[01]{12}")) {
            return "111111111111";
        }
        String p = schema.path("pattern").asString("");
        if (p.contains("0-9+")) {
            return "1390000" + (1000 + random.nextInt(9000));
        }
        if (name.equals("startsAt") || name.equals("endsAt")) {
            return random.nextBoolean() ? "09:00" : "17:30";
        }
        if (!codes.isEmpty() && random.nextInt(4) == 0) {
            return pick(codes);
        }
        String[] words = {"东湖村", "路灯不亮", "QH-AL", "农业农村", "城乡建设", "李春华", "视察", "接待"};
        int max = schema.path("maxLength").asInt(200);
        String w = words[random.nextInt(words.length)];
        return w.length() > max ? w.substring(0, Math.max(1, max)) : w;
    }

    JsonNode hostileValue() {
        return switch (random.nextInt(12)) {
            case 0 -> F.stringNode(hostileString());
            case 1 -> F.numberNode(-1);
            case 2 -> F.numberNode(Long.MAX_VALUE);
            case 3 -> F.numberNode(new java.math.BigInteger("92233720368547758080"));
            case 4 -> F.numberNode(new java.math.BigDecimal("1e400"));
            case 5 -> F.nullNode();
            case 6 -> F.booleanNode(true);
            case 7 -> F.arrayNode().add("a").add(1);
            case 8 -> F.objectNode().put("nested", "x");
            case 9 -> F.stringNode(random.nextBoolean() ? "2026-02-30" : "99999-12-31");
            case 10 -> F.numberNode(Integer.MIN_VALUE);
            default -> F.stringNode("");
        };
    }

    String hostileScalar() {
        return switch (random.nextInt(12)) {
            case 0 -> "-1";
            case 1 -> "2147483648";
            case 2 -> "-2147483649";
            case 3 -> "9223372036854775808";
            case 4 -> "abc";
            case 5 -> "2026-02-30";
            case 6 -> "+999999999-12-31";
            case 7 -> "\u0000";
            case 8 -> "x".repeat(5000);
            case 9 -> "0";
            case 10 -> "999999999";
            default -> "";
        };
    }

    String hostileString() {
        return switch (random.nextInt(8)) {
            case 0 -> "\u0000";
            case 1 -> "a\u0000b";
            case 2 -> "长".repeat(100_000);
            case 3 -> "<script>alert(1)</script>";
            case 4 -> "' or 1=1 --";
            case 5 -> "\uD83D\uDE00\u202E";
            case 6 -> " ";
            default -> "../../etc/passwd";
        };
    }

    JsonNode resolve(JsonNode schema) {
        int guard = 0;
        while (schema.has("$ref") && guard++ < 10) {
            String ref = schema.get("$ref").asString();
            schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    static Set<String> types(JsonNode schema) {
        Set<String> types = new java.util.HashSet<>();
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            t.forEach(x -> types.add(x.asString()));
        } else if (t.isString()) {
            types.add(t.asString());
        }
        return types;
    }

    // ------------------------------------------------------------------ report

    boolean report(Duration took, String out) throws Exception {
        StringBuilder r = new StringBuilder();
        int errors = serverErrorCounts.values().stream().mapToInt(Integer::intValue).sum();
        int broken = violationCounts.values().stream().mapToInt(Integer::intValue).sum();
        r.append("== API fuzz: %d requests answered in %ds (%d more refused by the HTTP client before sending), %d operations%n".formatted(sent,
                took.toSeconds(), failedToSend, contract.operations().size()));
        r.append("statuses: ").append(statuses).append('\n');
        r.append("5xx answers: %d (%d distinct operation/status)%n".formatted(errors, serverErrorCounts.size()));
        serverErrorCounts.forEach((k, n) -> r.append("  %5d  %s%n      e.g. %s%n".formatted(n, k, serverErrors.get(k))));
        r.append("contract violations: %d (%d distinct)%n".formatted(broken, violationCounts.size()));
        violationCounts.forEach((k, n) -> r.append("  %5d  %s%n      e.g. %s%n".formatted(n, k, violations.get(k))));
        r.append("refused by Tomcat before the application (HTML 400): %d%n".formatted(
                containerCounts.values().stream().mapToInt(Integer::intValue).sum()));
        containerCounts.forEach((k, n) -> r.append("  %5d  %s%n      e.g. %s%n".formatted(n, k, containerRejected.get(k))));
        r.append("per operation and status:\n");
        perOp.forEach((k, n) -> r.append("  %5d  %s%n".formatted(n, k)));
        System.out.print(r);
        if (out != null) {
            Files.writeString(Path.of(out), r.toString());
        }
        return errors == 0 && broken == 0;
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String abbreviate(String s) {
        String flat = s.replace("\u0000", "\\u0000").replace("\n", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…(" + flat.length() + " chars)";
    }
}
