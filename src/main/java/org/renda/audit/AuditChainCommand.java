package org.renda.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command line check of the audit chain:
 * {@code mvn spring-boot:run -Dspring-boot.run.arguments=--verify-audit} (or {@code java -jar renda.jar
 * --verify-audit}) prints the result and exits 0 when intact, 3 when a link is broken.
 */
@Component
@Order(1000)
class AuditChainCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AuditChainCommand.class);

    private final AuditTrail trail;
    private final ApplicationContext context;

    AuditChainCommand(AuditTrail trail, ApplicationContext context) {
        this.trail = trail;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("verify-audit")) {
            return;
        }
        ChainVerification v = trail.verify();
        if (v.intact()) {
            log.info("Audit chain intact: {} entries verified", v.entriesChecked());
        } else {
            log.error("Audit chain BROKEN at entry {} ({}); {} entries checked", v.firstBrokenSeq(), v.problem(),
                    v.entriesChecked());
        }
        int code = v.intact() ? 0 : 3;
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }
}
