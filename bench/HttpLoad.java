import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP load client for Renda's pages (Java 17, no dependencies). Each worker signs in through the
 * form (GET /login, the hidden _csrf input, POST /login, session cookie) and then requests a weighted mix
 * of URLs for a bounded time and count; the table gives count, errors, throughput and p50/p95/p99/max
 * latency per URL pattern. Loopback addresses only.
 *
 * <pre>
 *   java bench/HttpLoad.java --base http://127.0.0.1:8095 --vars bench/out/county.vars \
 *        --scenario bench/scenarios/deputy-county.txt --workers 4 --warmup 20s --duration 60s
 *   java bench/HttpLoad.java --base http://127.0.0.1:8095 --user admin --password x --url /orgs --url "3 home /"
 * </pre>
 *
 * Scenario lines are {@code weight name template}; templates may use {@code ${var}} (a value from the
 * vars file), {@code {pick:var}} (a random element of a comma-separated var, URL-encoded),
 * {@code {pick:a|b|c}} and {@code {int:lo:hi}} (lo and hi numbers or var names). A worker waits for each
 * answer before the next request (closed loop) unless --rate sets a fixed total arrival rate; then a
 * latency counts from the planned start, so a slow server cannot hide its queue (no coordinated omission).
 */
public class HttpLoad {

    record Target(String name, String template, double weight) {}

    record Sample(int target, long micros, int status) {}

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> opt = parse(args);
        if (opt.containsKey("help")) {
            System.out.println("usage: HttpLoad --base http://127.0.0.1:PORT [--vars file] [--user u --password p]"
                    + " (--scenario file | --url \"[weight] [name] /path\" ...) [--workers 4] [--warmup 10s]"
                    + " [--duration 60s] [--requests N] [--rate RPS] [--seed 1] [--csv file]");
            return;
        }
        Map<String, String> vars = new LinkedHashMap<>();
        if (opt.containsKey("vars")) {
            for (String line : Files.readAllLines(Path.of(one(opt, "vars", null)), StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (!line.isBlank() && !line.startsWith("#") && eq > 0) {
                    vars.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
        }
        String base = one(opt, "base", "http://127.0.0.1:8095").replaceAll("/+$", "");
        URI baseUri = URI.create(base);
        if (!InetAddress.getByName(baseUri.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("HttpLoad only talks to loopback addresses, not " + baseUri.getHost());
        }
        String user = one(opt, "user", vars.get("user"));
        String password = one(opt, "password", vars.get("password"));
        int workers = bounded(Integer.parseInt(one(opt, "workers", "4")), 1, 64, "--workers");
        Duration warmup = duration(one(opt, "warmup", "10s"));
        Duration length = duration(one(opt, "duration", "60s"));
        if (length.compareTo(Duration.ofMinutes(30)) > 0 || warmup.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("--duration is at most 30m and --warmup at most 10m");
        }
        long maxRequests = bounded(Long.parseLong(one(opt, "requests", "1000000")), 1L, 10_000_000L, "--requests");
        double rate = Double.parseDouble(one(opt, "rate", "0"));
        long seed = Long.parseLong(one(opt, "seed", "1"));

        List<Target> targets = new ArrayList<>();
        if (opt.containsKey("scenario")) {
            for (String line : Files.readAllLines(Path.of(one(opt, "scenario", null)), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    targets.add(target(line.strip()));
                }
            }
        }
        for (String u : opt.getOrDefault("url", List.of())) {
            targets.add(target(u));
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("give --scenario or --url");
        }
        if (user == null || password == null) {
            throw new IllegalArgumentException("give --user and --password (or user= and password= in --vars)");
        }
        double[] cumulative = new double[targets.size()];
        double sum = 0;
        for (int i = 0; i < targets.size(); i++) {
            sum += targets.get(i).weight();
            cumulative[i] = sum;
        }

        System.out.printf(Locale.ROOT, "HttpLoad %s as %s: %d workers, warm-up %ss, run %ss, at most %,d requests%s%n",
                base, user, workers, warmup.toSeconds(), length.toSeconds(), maxRequests,
                rate > 0 ? ", open loop at " + rate + " req/s" : ", closed loop");

        List<Worker> ws = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            ws.add(new Worker(w, base, user, password, targets, cumulative, vars, new Random(seed * 7919 + w)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            long t = System.nanoTime();
            for (Future<?> f : pool.invokeAll(ws.stream().map(w -> (java.util.concurrent.Callable<Void>) () -> {
                w.signIn();
                return null;
            }).toList())) {
                f.get();
            }
            System.out.printf(Locale.ROOT, "signed in %d sessions in %d ms%n", workers,
                    (System.nanoTime() - t) / 1_000_000);
            if (!warmup.isZero()) {
                Phase p = new Phase(warmup, maxRequests, rate, workers);
                runPhase(pool, ws, p, false);
                System.out.printf(Locale.ROOT, "warm-up: %,d requests, %d errors%n", p.issued.get(),
                        ws.stream().mapToLong(w -> w.warmErrors).sum());
            }
            Phase p = new Phase(length, maxRequests, rate, workers);
            long start = System.nanoTime();
            runPhase(pool, ws, p, true);
            double seconds = (System.nanoTime() - start) / 1e9;
            report(targets, ws, seconds, opt.containsKey("csv") ? Path.of(one(opt, "csv", null)) : null);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The bounds of one phase, shared by its workers. */
    static final class Phase {
        final long deadline;
        final long maxRequests;
        final long intervalNanos; // per worker, 0 for closed loop
        final AtomicLong issued = new AtomicLong();

        Phase(Duration length, long maxRequests, double rate, int workers) {
            this.deadline = System.nanoTime() + length.toNanos();
            this.maxRequests = maxRequests;
            this.intervalNanos = rate > 0 ? (long) (1e9 * workers / rate) : 0;
        }
    }

    private static void runPhase(ExecutorService pool, List<Worker> ws, Phase p, boolean record) throws Exception {
        List<Future<Void>> fs = new ArrayList<>();
        for (Worker w : ws) {
            fs.add(pool.submit(() -> {
                w.run(p, record);
                return null;
            }));
        }
        for (Future<Void> f : fs) {
            f.get();
        }
    }

    static final class Worker {
        private static final Pattern CSRF = Pattern.compile(
                "name=\"_csrf\"[^>]*?value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*?name=\"_csrf\"|"
                        + "<meta name=\"_csrf\" content=\"([^\"]+)\"");

        final int id;
        final String base;
        final String user;
        final String password;
        final List<Target> targets;
        final double[] cumulative;
        final Map<String, String> vars;
        final Random rnd;
        final HttpClient http;
        final List<Sample> samples = new ArrayList<>();
        final Map<String, Integer> errorKinds = new HashMap<>();
        long warmErrors;

        Worker(int id, String base, String user, String password, List<Target> targets, double[] cumulative,
                Map<String, String> vars, Random rnd) {
            this.id = id;
            this.base = base;
            this.user = user;
            this.password = password;
            this.targets = targets;
            this.cumulative = cumulative;
            this.vars = vars;
            this.rnd = rnd;
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        }

        void signIn() throws IOException, InterruptedException {
            HttpResponse<String> login = http.send(get(base + "/login"), HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(login.body());
            if (login.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("GET /login: " + login.statusCode() + ", no _csrf input found");
            }
            String token = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token);
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            String location = post.headers().firstValue("Location").orElse("");
            if (post.statusCode() != 302 || location.contains("/login")) {
                throw new IllegalStateException("sign-in of " + user + " failed: " + post.statusCode() + " " + location);
            }
            HttpResponse<String> home = http.send(get(base + "/"), HttpResponse.BodyHandlers.ofString());
            if (home.statusCode() != 200) {
                throw new IllegalStateException("GET / after sign-in: " + home.statusCode());
            }
        }

        void run(Phase p, boolean record) {
            long next = System.nanoTime() + (p.intervalNanos == 0 ? 0 : (long) (rnd.nextDouble() * p.intervalNanos));
            while (true) {
                if (p.intervalNanos > 0) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        sleepNanos(wait);
                    }
                }
                long planned = p.intervalNanos > 0 ? next : System.nanoTime();
                if (planned >= p.deadline || p.issued.incrementAndGet() > p.maxRequests) {
                    return;
                }
                int t = choose();
                String path = expand(targets.get(t).template());
                int status;
                try {
                    HttpResponse<byte[]> r = http.send(get(base + path), HttpResponse.BodyHandlers.ofByteArray());
                    status = r.statusCode();
                } catch (IOException e) {
                    status = -1;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long micros = (System.nanoTime() - planned) / 1_000;
                if (record) {
                    samples.add(new Sample(t, micros, status));
                    if (status != 200) {
                        errorKinds.merge(targets.get(t).name() + " -> " + status + " " + path, 1, Integer::sum);
                    }
                } else if (status != 200) {
                    warmErrors++;
                }
                next += p.intervalNanos;
            }
        }

        private int choose() {
            double u = rnd.nextDouble() * cumulative[cumulative.length - 1];
            for (int i = 0; i < cumulative.length; i++) {
                if (u < cumulative[i]) {
                    return i;
                }
            }
            return cumulative.length - 1;
        }

        private static final Pattern FN = Pattern.compile("\\{(pick|int):([^}]*)}|\\$\\{([A-Za-z0-9_.]+)}");

        String expand(String template) {
            Matcher m = FN.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value;
                if (m.group(3) != null) {
                    value = var(m.group(3));
                } else if (m.group(1).equals("pick")) {
                    String arg = m.group(2);
                    String[] choices = arg.contains("|") ? arg.split("\\|") : var(arg).split(",");
                    value = enc(choices[rnd.nextInt(choices.length)].strip());
                } else {
                    String[] lohi = m.group(2).split(":");
                    long lo = number(lohi[0]);
                    long hi = number(lohi[1]);
                    value = String.valueOf(lo + (long) (rnd.nextDouble() * (hi - lo + 1)));
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }

        private String var(String name) {
            String v = vars.get(name);
            if (v == null) {
                throw new IllegalArgumentException("no variable '" + name + "' in --vars");
            }
            return v;
        }

        private long number(String s) {
            String t = s.strip();
            return t.matches("-?\\d+") ? Long.parseLong(t) : Long.parseLong(var(t));
        }

        private static HttpRequest get(String url) {
            return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/html").header("Accept-Language", "zh-CN").GET().build();
        }
    }

    private static void report(List<Target> targets, List<Worker> ws, double seconds, Path csv) throws IOException {
        int n = targets.size();
        List<long[]> lat = new ArrayList<>();
        long[] errors = new long[n];
        int[] sizes = new int[n];
        for (Worker w : ws) {
            for (Sample s : w.samples) {
                sizes[s.target()]++;
            }
        }
        for (int i = 0; i < n; i++) {
            lat.add(new long[sizes[i]]);
        }
        int[] fill = new int[n];
        long total = 0;
        for (Worker w : ws) {
            for (Sample s : w.samples) {
                lat.get(s.target())[fill[s.target()]++] = s.micros();
                if (s.status() != 200) {
                    errors[s.target()]++;
                }
                total++;
            }
        }
        // Rows per name (targets may share a name), then the whole mix.
        Map<String, List<Integer>> byName = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byName.computeIfAbsent(targets.get(i).name(), k -> new ArrayList<>()).add(i);
        }
        List<String> lines = new ArrayList<>();
        String header = String.format(Locale.ROOT, "%-26s %8s %6s %8s %8s %8s %8s %8s", "pattern", "count", "errors",
                "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms");
        System.out.printf(Locale.ROOT, "%nmeasured %.1f s, %,d requests, %.1f req/s%n", seconds, total, total / seconds);
        System.out.println(header);
        List<String> csvLines = new ArrayList<>(List.of("pattern,count,errors,rps,p50_ms,p95_ms,p99_ms,max_ms"));
        List<long[]> all = new ArrayList<>();
        long allErrors = 0;
        for (Map.Entry<String, List<Integer>> e : byName.entrySet()) {
            long[] merged = e.getValue().stream().map(lat::get).flatMapToLong(Arrays::stream).toArray();
            long err = e.getValue().stream().mapToLong(i -> errors[i]).sum();
            all.add(merged);
            allErrors += err;
            lines.add(row(e.getKey(), merged, err, seconds, csvLines));
        }
        lines.add(row("ALL", all.stream().flatMapToLong(Arrays::stream).toArray(), allErrors, seconds, csvLines));
        lines.forEach(System.out::println);
        Map<String, Integer> kinds = new LinkedHashMap<>();
        ws.forEach(w -> w.errorKinds.forEach((k, v) -> kinds.merge(k, v, Integer::sum)));
        kinds.entrySet().stream().limit(10).forEach(k -> System.out.println("  error: " + k.getKey() + " x" + k.getValue()));
        if (csv != null) {
            Files.write(csv, csvLines, StandardCharsets.UTF_8);
        }
    }

    private static String row(String name, long[] micros, long errors, double seconds, List<String> csv) {
        Arrays.sort(micros);
        double p50 = pct(micros, 50) / 1000.0;
        double p95 = pct(micros, 95) / 1000.0;
        double p99 = pct(micros, 99) / 1000.0;
        double max = micros.length == 0 ? 0 : micros[micros.length - 1] / 1000.0;
        csv.add(String.format(Locale.ROOT, "%s,%d,%d,%.2f,%.1f,%.1f,%.1f,%.1f", name, micros.length, errors,
                micros.length / seconds, p50, p95, p99, max));
        return String.format(Locale.ROOT, "%-26s %8d %6d %8.1f %8.1f %8.1f %8.1f %8.1f", name, micros.length, errors,
                micros.length / seconds, p50, p95, p99, max);
    }

    /** Nearest-rank percentile of sorted values. */
    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static Target target(String spec) {
        // "[weight] [name] /path"; the path starts with '/'.
        String[] parts = spec.strip().split("\\s+", 3);
        double weight = 1;
        String name = null;
        String template;
        int i = 0;
        if (parts.length > 1 && parts[0].matches("\\d+(\\.\\d+)?")) {
            weight = Double.parseDouble(parts[0]);
            i = 1;
        }
        String rest = String.join(" ", Arrays.copyOfRange(parts, i, parts.length)).strip();
        if (!rest.startsWith("/")) {
            int sp = rest.indexOf(' ');
            name = rest.substring(0, sp);
            rest = rest.substring(sp + 1).strip();
        }
        template = rest;
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a URL template starts with '/': " + spec);
        }
        return new Target(name == null ? template : name, template, weight);
    }

    private static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            if (key.equals("help")) {
                m.put("help", List.of());
                continue;
            }
            int eq = key.indexOf('=');
            String value = eq >= 0 ? key.substring(eq + 1) : args[++i];
            m.computeIfAbsent(eq >= 0 ? key.substring(0, eq) : key, k -> new ArrayList<>()).add(value);
        }
        return m;
    }

    private static String one(Map<String, List<String>> opt, String key, String fallback) {
        List<String> v = opt.get(key);
        return v == null || v.isEmpty() ? fallback : v.get(v.size() - 1);
    }

    private static <T extends Comparable<T>> T bounded(T v, T lo, T hi, String what) {
        if (v.compareTo(lo) < 0 || v.compareTo(hi) > 0) {
            throw new IllegalArgumentException(what + " must be between " + lo + " and " + hi);
        }
        return v;
    }

    private static Duration duration(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(t.endsWith("s") ? t.substring(0, t.length() - 1) : t));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
