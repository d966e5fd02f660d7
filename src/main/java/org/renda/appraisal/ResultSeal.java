package org.renda.appraisal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.renda.shared.signing.Signer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs a closed vote's export with the installation's Ed25519 key, so that a published result can be checked
 * against the key the installation publishes. The key pair lives in a file outside the database
 * ({@code renda.appraisal.signing-key-file}, a shared {@link Signer}), created on first use: a database
 * administrator alone cannot re-sign an altered result.
 */
@Component
class ResultSeal {

    private final Signer signer;

    ResultSeal(@Value("${renda.appraisal.signing-key-file:data/vote-signing.key}") String file) {
        this.signer = Signer.ofKeyFile(Path.of(file), "vote signing key");
    }

    record Seal(String sha256, String signature, String publicKey) {}

    Seal seal(String text) {
        return new Seal(sha256(text.getBytes(StandardCharsets.UTF_8)), signer.sign(text), signer.publicKey());
    }

    /** Whether the signature (Base64) over the text verifies with the public key (Base64 X.509). */
    static boolean verify(String text, String signature, String publicKey) {
        return Signer.verify(text, signature, publicKey);
    }

    static String sha256(byte[] bytes) {
        return Signer.sha256(bytes);
    }

    String publicKey() {
        return signer.publicKey();
    }
}
