import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clients of the crash test (Java 17, no dependencies, loopback only): each of C clients submits K
 * opinions, one after the other, each with its own Idempotency-Key, and retries every request that did not
 * get a 2xx (refused connection, reset, timeout, 5xx) with the same key and the same body until it does,
 * for at most --give-up seconds per request. The server is killed and restarted meanwhile.
 *
 * <pre>
 *   java bench/casework/CrashClient.java --base http://127.0.0.1:8096 --org BENCH --run RUNID \
 *        --clients 8 --keys 150 --out acks.csv --progress progress.txt
 * </pre>
 *
 * Writes one line per key: {@code key,receiptCode,finalStatus,attempts,firstFailure} (receiptCode empty when
 * it gave up), and keeps the number of acknowledged keys in the progress file while it runs. With
 * {@code --events FILE} it also writes one line per attempt, {@code startMillis,endMillis,key,outcome} (outcome:
 * the HTTP status or the exception's name), from which the failover drill (ops/ha) measures the downtime.
 */
public class CrashClient {

    static final Pattern CODE = Pattern.compile("\"receiptCode\":\"([2-9A-Z]{10})\"");

    record Ack(String key, String receipt, int status, int attempts, String firstFailure) {}

    public static void main(String[] args) throws Exception {
        String base = arg(args, "base", "http://127.0.0.1:8096");
        if (!InetAddress.getByName(URI.create(base).getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("loopback only");
        }
        String org = arg(args, "org", "BENCH");
        String run = arg(args, "run", Long.toString(System.currentTimeMillis(), 36));
        int clients = Math.min(32, Integer.parseInt(arg(args, "clients", "8")));
        int keys = Math.min(10_000, Integer.parseInt(arg(args, "keys", "150")));
        long giveUpNanos = Duration.ofSeconds(Long.parseLong(arg(args, "give-up", "300"))).toNanos();
        Path out = Path.of(arg(args, "out", "acks.csv"));
        Path progress = Path.of(arg(args, "progress", "progress.txt"));
        String eventsArg = arg(args, "events", "");
        java.util.Queue<String> events = new java.util.concurrent.ConcurrentLinkedQueue<>();

        AtomicLong acked = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        Thread reporter = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Files.writeString(progress, acked.get() + " " + failures.get() + "\n");
                    Thread.sleep(50);
                }
            } catch (InterruptedException | IOException e) {
                // done
            }
        });
        reporter.setDaemon(true);
        reporter.start();

        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Ack>>> fs = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            fs.add(pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(2)).build();
                List<Ack> acks = new ArrayList<>();
                for (int k = 1; k <= keys; k++) {
                    String key = "crash-" + run + "-c" + client + "-k" + k;
                    String json = "{\"orgCode\":\"" + org + "\",\"category\":\"其他\",\"title\":\"崩溃测试 " + key
                            + "\",\"content\":\"客户端 " + client + " 的第 " + k + " 条意见。\",\"anonymous\":true}";
                    HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/public/opinions"))
                            .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                            .header("Idempotency-Key", key)
                            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
                    int attempts = 0;
                    String firstFailure = "";
                    long deadline = System.nanoTime() + giveUpNanos;
                    Ack ack = null;
                    while (ack == null) {
                        attempts++;
                        String failure;
                        long began = System.currentTimeMillis();
                        try {
                            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                            events.add(began + "," + System.currentTimeMillis() + "," + key + "," + r.statusCode());
                            if (r.statusCode() / 100 == 2) {
                                Matcher m = CODE.matcher(r.body());
                                if (!m.find()) {
                                    throw new IllegalStateException("2xx without a receipt: " + r.body());
                                }
                                ack = new Ack(key, m.group(1), r.statusCode(), attempts, firstFailure);
                                acked.incrementAndGet();
                                break;
                            }
                            failure = "HTTP " + r.statusCode();
                            if (r.statusCode() / 100 == 4 && r.statusCode() != 429) {
                                // A client error is final: retrying the same request cannot help.
                                ack = new Ack(key, "", r.statusCode(), attempts, firstFailure.isEmpty() ? failure : firstFailure);
                                break;
                            }
                        } catch (IOException e) {
                            failure = e.getClass().getSimpleName();
                            events.add(began + "," + System.currentTimeMillis() + "," + key + "," + failure);
                        }
                        failures.incrementAndGet();
                        if (firstFailure.isEmpty()) {
                            firstFailure = failure;
                        }
                        if (System.nanoTime() > deadline) {
                            ack = new Ack(key, "", -1, attempts, firstFailure);
                            break;
                        }
                        Thread.sleep(250);
                    }
                    acks.add(ack);
                }
                return acks;
            }));
        }
        List<String> lines = new ArrayList<>();
        int gaveUp = 0;
        int retried = 0;
        int replayed = 0;
        for (Future<List<Ack>> f : fs) {
            for (Ack a : f.get()) {
                lines.add(String.join(",", a.key(), a.receipt(), String.valueOf(a.status()), String.valueOf(a.attempts()),
                        a.firstFailure()));
                gaveUp += a.receipt().isEmpty() ? 1 : 0;
                retried += a.attempts() > 1 ? 1 : 0;
                replayed += a.attempts() > 1 && a.status() == 200 ? 1 : 0;
            }
        }
        pool.shutdown();
        reporter.interrupt();
        Files.write(out, lines, StandardCharsets.UTF_8);
        if (!eventsArg.isEmpty()) {
            Files.write(Path.of(eventsArg), events, StandardCharsets.UTF_8);
        }
        Files.writeString(progress, acked.get() + " " + failures.get() + " done\n");
        System.out.printf(Locale.ROOT, "CrashClient: %d keys in %.1f s; acknowledged %d, gave up %d; %d keys needed retries"
                + " (%d failed attempts), %d of them answered 200 = committed before the crash, answer lost%n",
                lines.size(), (System.nanoTime() - start) / 1e9, lines.size() - gaveUp, gaveUp, retried, failures.get(),
                replayed);
    }

    static String arg(String[] args, String name, String dflt) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--" + name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }
}
