package org.renda.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.renda.support.TestPostgres.Choice;
import org.renda.support.TestPostgres.Mode;

/**
 * The PostgreSQL half of the build uses the configured server whenever one answers and an embedded one on a bare
 * machine; asked never to embed, it says what to do instead.
 */
class TestPostgresTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    @Test
    void theConfiguredServerIsUsedWhenItAnswersAndTheEmbeddedOneWhenNothingDoes() {
        assertThat(TestPostgres.choose(Mode.AUTO, true, URL)).isEqualTo(Choice.CONFIGURED);
        assertThat(TestPostgres.choose(Mode.AUTO, false, URL)).isEqualTo(Choice.EMBEDDED);
        assertThat(TestPostgres.choose(Mode.ALWAYS, true, URL)).isEqualTo(Choice.EMBEDDED);
        assertThat(TestPostgres.choose(Mode.NEVER, true, URL)).isEqualTo(Choice.CONFIGURED);
    }

    @Test
    void neverEmbeddingWithNoServerFailsSayingWhatToDo() {
        assertThatThrownBy(() -> TestPostgres.choose(Mode.NEVER, false, URL))
                .hasMessageContaining("No PostgreSQL answers at " + URL)
                .hasMessageContaining("-Drenda.postgres.skip=true");
    }

    @Test
    void theModeIsReadFromTheProperty() {
        assertThat(Mode.of(null)).isEqualTo(Mode.AUTO);
        assertThat(Mode.of("")).isEqualTo(Mode.AUTO);
        assertThat(Mode.of("auto")).isEqualTo(Mode.AUTO);
        assertThat(Mode.of("ALWAYS")).isEqualTo(Mode.ALWAYS);
        assertThat(Mode.of("never")).isEqualTo(Mode.NEVER);
        assertThatThrownBy(() -> Mode.of("sometimes")).hasMessageContaining("auto, always or never");
    }

    @Test
    void aServerAnswersWhenSomethingAcceptsAConnectionAtAnyHostOfTheUrl() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        assertThat(TestPostgres.answers("jdbc:postgresql://127.0.0.1:" + closed + "/test")).isFalse();
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int open = listening.getLocalPort();
            assertThat(TestPostgres.answers("jdbc:postgresql://127.0.0.1:" + open + "/test")).isTrue();
            assertThat(TestPostgres.answers("jdbc:postgresql://127.0.0.1:" + closed + ",127.0.0.1:" + open
                    + "/test?targetServerType=primary")).isTrue();
        }
    }
}
