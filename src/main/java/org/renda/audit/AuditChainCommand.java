package org.renda.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command line check of the audit chain:
 * {@code mvn spring-boot:run -Dspring-boot.run.arguments=--verify-audit} (or {@code java -jar renda.jar
 * --verify-audit [--audit-checkpoints=held-copy.json]}) prints every broken range in Chinese and exits 0 when
 * intact, 3 when broken (2 when the held copy cannot be read).
 */
@Component
@Order(1000)
class AuditChainCommand implements ApplicationRunner {

    static final int INTACT = 0;
    static final int UNREADABLE = 2;
    static final int BROKEN = 3;

    private final AuditTrail trail;
    private final MessageSource messages;
    private final ApplicationContext context;

    AuditChainCommand(AuditTrail trail, MessageSource messages, ApplicationContext context) {
        this.trail = trail;
        this.messages = messages;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("verify-audit")) {
            return;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int code = check(args.getOptionValues("audit-checkpoints"), out);
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }

    /** Verifies (against the held copy when given), prints the report and answers the exit code. */
    int check(@org.jspecify.annotations.Nullable List<String> heldCopy, PrintStream out) {
        ChainVerification v;
        if (heldCopy != null && !heldCopy.isEmpty()) {
            Path file = Path.of(heldCopy.get(0));
            try {
                v = trail.verifyAgainst(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException | IllegalArgumentException e) {
                out.println(msg("audit.verify.copyUnreadable") + " " + file.toAbsolutePath());
                return UNREADABLE;
            }
        } else {
            v = trail.verify();
        }
        out.println(msg("audit.verify.key", v.keyFingerprint()));
        if (v.intact()) {
            out.println(msg("audit.verify.ok", v.entriesChecked()) + " "
                    + msg("audit.verify.signed", v.checkpointsChecked(), v.lastSignedSeq()));
            return INTACT;
        }
        out.println(msg("audit.verify.brokenCount", v.breaks().size(), v.entriesChecked()));
        for (ChainVerification.Break b : v.breaks()) {
            out.println("  " + msg(b.messageKey(), b.range()));
        }
        return BROKEN;
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
