import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on Renda's public casework API (Java 17, no dependencies, loopback only): N workers in a closed
 * loop, each waiting for its answer before the next request, for a fixed time per phase.
 *
 * <pre>
 *   java bench/casework/CaseLoad.java --base http://127.0.0.1:8096 --org BENCH --workers 8 \
 *        --warmup 10s --duration 30s [--phases submit,track,mix] [--csv out.csv]
 * </pre>
 *
 * Phases: {@code submit} POSTs /api/v1/public/opinions, each with a fresh Idempotency-Key (expects 201);
 * {@code track} GETs /api/v1/public/opinions/{code} for receipt codes the submit phase collected
 * (expects 200); {@code mix} is one submission to nine look-ups. Each phase has its own warm-up. Prints
 * one line per phase: {@code RESULT <phase> requests=.. errors=.. rps=.. p50_ms=.. p95_ms=.. p99_ms=.. max_ms=..}.
 */
public class CaseLoad {

    static final Pattern CODE = Pattern.compile("\"receiptCode\":\"([2-9A-Z]{10})\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = parse(args);
        String base = opt.getOrDefault("base", "http://127.0.0.1:8096").replaceAll("/+$", "");
        URI uri = URI.create(base);
        if (!InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("CaseLoad only talks to loopback addresses, not " + uri.getHost());
        }
        String org = opt.getOrDefault("org", "BENCH");
        int workers = Integer.parseInt(opt.getOrDefault("workers", "8"));
        if (workers < 1 || workers > 64) {
            throw new IllegalArgumentException("--workers is 1..64");
        }
        Duration warmup = seconds(opt.getOrDefault("warmup", "10s"));
        Duration duration = seconds(opt.getOrDefault("duration", "30s"));
        if (duration.compareTo(Duration.ofMinutes(15)) > 0 || warmup.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("--duration is at most 15m, --warmup at most 5m");
        }
        List<String> phases = List.of(opt.getOrDefault("phases", "submit,track,mix").split(","));
        String run = Long.toString(System.currentTimeMillis(), 36);

        Shared shared = new Shared(base, org, run);
        List<String> csv = new ArrayList<>(List.of("phase,requests,errors,rps,p50_ms,p95_ms,p99_ms,max_ms"));
        System.out.printf(Locale.ROOT, "CaseLoad %s org %s: %d workers, warm-up %ds, %ds per phase, phases %s%n", base,
                org, workers, warmup.toSeconds(), duration.toSeconds(), phases);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            for (String phase : phases) {
                if (!phase.equals("submit") && shared.none()) {
                    // Tracking needs receipts: make a few first.
                    runPhase(pool, workers, shared, "submit", Duration.ofSeconds(5), false);
                }
                if (!warmup.isZero()) {
                    Result w = runPhase(pool, workers, shared, phase, warmup, false);
                    System.out.printf(Locale.ROOT, "warm-up %s: %d requests, %d errors%n", phase, w.requests, w.errors);
                }
                Result r = runPhase(pool, workers, shared, phase, duration, true);
                String line = r.line(phase);
                System.out.println(line);
                r.errorKinds.entrySet().stream().limit(5)
                        .forEach(e -> System.out.println("  error: " + e.getKey() + " x" + e.getValue()));
                csv.add(r.csv(phase));
            }
        } finally {
            pool.shutdownNow();
        }
        if (opt.containsKey("csv")) {
            java.nio.file.Files.write(java.nio.file.Path.of(opt.get("csv")), csv, StandardCharsets.UTF_8);
        }
    }

    /** What the workers share: the target and the receipt codes collected so far. */
    static final class Shared {
        final String base;
        final String org;
        final String run;
        final AtomicReferenceArray<String> codes = new AtomicReferenceArray<>(200_000);
        final AtomicInteger count = new AtomicInteger();
        final AtomicLong seq = new AtomicLong();

        void add(String code) {
            int i = count.getAndIncrement();
            if (i < codes.length()) {
                codes.set(i, code);
            }
        }

        boolean none() {
            return count.get() == 0;
        }

        /** A collected code (null while a slot is still being filled). */
        String any(Random rnd) {
            return codes.get(rnd.nextInt(Math.min(count.get(), codes.length())));
        }

        Shared(String base, String org, String run) {
            this.base = base;
            this.org = org;
            this.run = run;
        }
    }

    static final class Result {
        long requests;
        long errors;
        double seconds;
        long[] micros = new long[0];
        Map<String, Integer> errorKinds = new LinkedHashMap<>();

        String line(String phase) {
            return String.format(Locale.ROOT, "RESULT %s requests=%d errors=%d rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f",
                    phase, requests, errors, requests / seconds, pct(50), pct(95), pct(99),
                    micros.length == 0 ? 0 : micros[micros.length - 1] / 1000.0);
        }

        String csv(String phase) {
            return String.format(Locale.ROOT, "%s,%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f", phase, requests, errors,
                    requests / seconds, pct(50), pct(95), pct(99), micros.length == 0 ? 0 : micros[micros.length - 1] / 1000.0);
        }

        /** Nearest-rank percentile in milliseconds. */
        double pct(double p) {
            if (micros.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p / 100.0 * micros.length);
            return micros[Math.max(0, Math.min(micros.length - 1, rank - 1))] / 1000.0;
        }
    }

    static Result runPhase(ExecutorService pool, int workers, Shared shared, String phase, Duration length,
            boolean record) throws Exception {
        long deadline = System.nanoTime() + length.toNanos();
        List<Future<Worker>> fs = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            Worker worker = new Worker(shared, phase, new Random(31L * w + phase.hashCode()));
            fs.add(pool.submit(() -> {
                worker.run(deadline);
                return worker;
            }));
        }
        Result r = new Result();
        List<long[]> all = new ArrayList<>();
        for (Future<Worker> f : fs) {
            Worker w = f.get();
            all.add(Arrays.copyOf(w.micros, w.n));
            r.errors += w.errors;
            w.errorKinds.forEach((k, v) -> r.errorKinds.merge(k, v, Integer::sum));
        }
        r.seconds = (System.nanoTime() - start) / 1e9;
        r.micros = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        r.requests = r.micros.length;
        return r;
    }

    static final class Worker {
        final Shared shared;
        final String phase;
        final Random rnd;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long[] micros = new long[1 << 14];
        int n;
        long errors;
        final Map<String, Integer> errorKinds = new LinkedHashMap<>();

        Worker(Shared shared, String phase, Random rnd) {
            this.shared = shared;
            this.phase = phase;
            this.rnd = rnd;
        }

        void run(long deadline) {
            while (System.nanoTime() < deadline && n < 5_000_000) {
                boolean submit = phase.equals("submit") || phase.equals("mix") && rnd.nextInt(10) == 0
                        || shared.none();
                long t0 = System.nanoTime();
                int status;
                String what;
                try {
                    if (submit) {
                        what = "POST";
                        HttpResponse<String> r = http.send(submission(), HttpResponse.BodyHandlers.ofString());
                        status = r.statusCode();
                        if (status == 201) {
                            Matcher m = CODE.matcher(r.body());
                            if (m.find()) {
                                shared.add(m.group(1));
                            }
                        }
                    } else {
                        what = "GET";
                        String code = shared.any(rnd);
                        if (code == null) {
                            continue;
                        }
                        status = http.send(HttpRequest.newBuilder(URI.create(shared.base + "/api/v1/public/opinions/" + code))
                                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                    }
                } catch (IOException e) {
                    what = e.getClass().getSimpleName();
                    status = -1;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long us = (System.nanoTime() - t0) / 1000;
                if (n == micros.length) {
                    micros = Arrays.copyOf(micros, n * 2);
                }
                micros[n++] = us;
                if (submit ? status != 201 : status != 200) {
                    errors++;
                    errorKinds.merge(what + " -> " + status, 1, Integer::sum);
                }
            }
        }

        HttpRequest submission() {
            long i = shared.seq.incrementAndGet();
            String json = "{\"orgCode\":\"" + shared.org + "\",\"category\":\"交通出行\",\"title\":\"村口路灯损坏 " + i
                    + "\",\"content\":\"东湖村三组路口的路灯坏了两个月，晚上看不清路，老人孩子出行不便，希望尽快修复。\","
                    + "\"location\":\"东湖村三组\",\"name\":null,\"phone\":null,\"anonymous\":true}";
            return HttpRequest.newBuilder(URI.create(shared.base + "/api/v1/public/opinions"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Idempotency-Key", "load-" + shared.run + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 8))
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        }
    }

    static Duration seconds(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(t.endsWith("s") ? t.substring(0, t.length() - 1) : t));
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected " + args[i]);
            }
            String k = args[i].substring(2);
            m.put(k, i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true");
        }
        return m;
    }
}
