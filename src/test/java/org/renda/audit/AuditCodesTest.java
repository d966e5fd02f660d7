package org.renda.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit log never shows a code: every record type and action written to it is one of {@link AuditCodes}, and
 * each of those has words in Chinese and in English.
 */
@RendaIntegrationTest
class AuditCodesTest {

    @Autowired JdbcClient jdbc;
    @Autowired MessageSource messages;

    @Test
    void everyCodeInTheLogIsCatalogued() {
        // AuditTamperingTest appends its own "tamper_probe" entries; they are not written by the application
        List<String> types = jdbc.sql("select distinct entity_type from audit_event where entity_type not like '%probe%'")
                .query(String.class).list();
        List<String> actions = jdbc.sql("select distinct action from audit_event where entity_type not like '%probe%'")
                .query(String.class).list();
        assertThat(types).as("the demo county writes to the log").isNotEmpty();
        assertThat(AuditCodes.TYPES).as("record types in the log").containsAll(types);
        assertThat(AuditCodes.ACTIONS).as("actions in the log").containsAll(actions);
    }

    @Test
    void everyCataloguedCodeHasWordsInBothLanguages() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties p = new Properties();
            try (var in = new ClassPathResource(bundle).getInputStream()) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            AuditCodes.TYPES.stream().map(t -> "audit.type." + t).filter(k -> !p.containsKey(k))
                    .forEach(k -> missing.add(bundle + ": " + k));
            AuditCodes.ACTIONS.stream().map(a -> "audit.action." + a).filter(k -> !p.containsKey(k))
                    .forEach(k -> missing.add(bundle + ": " + k));
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theChineseWordsAreChinese() {
        for (String a : AuditCodes.ACTIONS) {
            assertThat(messages.getMessage("audit.action." + a, null, Locale.SIMPLIFIED_CHINESE))
                    .as(a).matches(".*\\p{IsHan}.*");
        }
    }
}
