package org.renda.shared.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignerTest {

    @TempDir Path dir;

    @Test
    void aKeyFileIsCreatedOnFirstUseAndReadBackWithTheSameFingerprint() throws Exception {
        Path file = dir.resolve("keys/test.key");
        Signer first = Signer.ofKeyFile(file, "test key");
        String signature = first.sign("审计");
        assertThat(Files.readAllLines(file)).hasSize(2);

        Signer again = Signer.ofKeyFile(file, "test key");
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint()).hasSize(64)
                .isEqualTo(Signer.fingerprintOf(first.publicKey()));
        assertThat(Signer.verify("审计", signature, again.publicKey())).isTrue();
    }

    @Test
    void instancesStartingTogetherAgreeOnOneKeyReadableByItsOwnerAlone() throws Exception {
        for (int round = 0; round < 20; round++) { // several rounds: the race is in the first few microseconds
            Path file = dir.resolve("shared-" + round + "/audit.key");
            int instances = 8;
            var start = new java.util.concurrent.CyclicBarrier(instances);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(instances);
            try {
                var fingerprints = new java.util.ArrayList<java.util.concurrent.Future<String>>();
                for (int i = 0; i < instances; i++) {
                    fingerprints.add(pool.submit(() -> {
                        start.await();
                        return Signer.ofKeyFile(file, "audit key").fingerprint();
                    }));
                }
                var distinct = new java.util.HashSet<String>();
                for (var f : fingerprints) {
                    distinct.add(f.get());
                }
                assertThat(distinct).as("one key, whoever created it").hasSize(1)
                        .containsExactly(Signer.ofKeyFile(file, "audit key").fingerprint());
            } finally {
                pool.shutdownNow();
            }
            try (var left = Files.list(file.getParent())) {
                assertThat(left.map(p -> p.getFileName().toString())).as("no drafts left behind")
                        .containsExactly("audit.key");
            }
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                        .isEqualTo("rw-------");
            }
        }
    }

    @Test
    void aSignatureFailsForOtherTextOrAnotherKey() {
        Signer one = Signer.ofKeyFile(dir.resolve("one.key"), "test key");
        Signer other = Signer.ofKeyFile(dir.resolve("other.key"), "test key");
        String signature = one.sign("head 7");
        assertThat(Signer.verify("head 8", signature, one.publicKey())).isFalse();
        assertThat(Signer.verify("head 7", signature, other.publicKey())).isFalse();
        assertThat(Signer.verify("head 7", "not base64!", one.publicKey())).isFalse();
        assertThat(other.fingerprint()).isNotEqualTo(one.fingerprint());
    }

    @Test
    void anUnreadableKeyFileIsRefusedWithItsPurposeAndPath() throws Exception {
        Path file = dir.resolve("broken.key");
        Files.writeString(file, "garbage\n");
        assertThatThrownBy(() -> Signer.ofKeyFile(file, "audit signing key").sign("x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("audit signing key")
                .hasMessageContaining("broken.key");
    }
}
