package org.renda.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a session attribute becomes in the database: sealed, readable with the instances' key only. */
class SealedSessionsTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private record Slip(String username, String password) implements java.io.Serializable {}

    @Test
    void anAttributeIsSealedAndOpensWithTheSameKeyOnAnotherInstance() {
        var here = new SealedSessions.Sealer(SealedSessions.key(KEY), getClass().getClassLoader());
        var there = new SealedSessions.Sealer(SealedSessions.key(KEY), getClass().getClassLoader());
        byte[] stored = here.seal(List.of(new Slip("d1024", "ABCD-EFGH-JKMN")));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("ABCD-EFGH-JKMN", "d1024", "Slip");
        assertThat(there.open(stored)).isEqualTo(List.of(new Slip("d1024", "ABCD-EFGH-JKMN")));
        assertThat(here.seal("x")).as("a fresh nonce each time").isNotEqualTo(here.seal("x"));
    }

    @Test
    void anotherKeyOpensNothingSoItsUserIsSignedOutRatherThanShownAnError() {
        var here = new SealedSessions.Sealer(SealedSessions.key(KEY), getClass().getClassLoader());
        var stranger = new SealedSessions.Sealer(SealedSessions.key(""), getClass().getClassLoader());
        assertThat(stranger.open(here.seal("secret"))).isNull();
        assertThat(here.open(new byte[] {9, 9, 9})).isNull();
    }

    @Test
    void anAttributeThatCannotBeSerializedIsNamedAndAKeyOfTheWrongLengthRefused() {
        var here = new SealedSessions.Sealer(SealedSessions.key(KEY), getClass().getClassLoader());
        assertThatThrownBy(() -> here.seal(new Object())).hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> SealedSessions.key(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
    }
}
