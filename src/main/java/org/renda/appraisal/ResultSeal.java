package org.renda.appraisal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs a closed vote's export with the installation's Ed25519 key (JDK 17, no extra library), so that a
 * published result can be checked against the key the installation publishes. The key pair lives in a file
 * outside the database ({@code renda.appraisal.signing-key-file}), created on first use: a database
 * administrator alone cannot re-sign an altered result.
 */
@Component
class ResultSeal {

    private final Path file;
    private volatile KeyPair keys;

    ResultSeal(@Value("${renda.appraisal.signing-key-file:data/vote-signing.key}") String file) {
        this.file = Path.of(file);
    }

    record Seal(String sha256, String signature, String publicKey) {}

    Seal seal(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys().getPrivate());
            s.update(bytes);
            return new Seal(sha256(bytes), Base64.getEncoder().encodeToString(s.sign()),
                    Base64.getEncoder().encodeToString(keys().getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether the signature (Base64) over the text verifies with the public key (Base64 X.509). */
    static boolean verify(String text, String signature, String publicKey) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey.strip())));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature.strip()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String publicKey() {
        return Base64.getEncoder().encodeToString(keys().getPublic().getEncoded());
    }

    private KeyPair keys() {
        KeyPair k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = loadOrCreate();
                }
                k = keys;
            }
        }
        return k;
    }

    private KeyPair loadOrCreate() {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
                PrivateKey priv = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0))));
                PublicKey pub = factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(1))));
                return new KeyPair(pub, priv);
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.write(file, List.of(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())), StandardCharsets.US_ASCII);
            return pair;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("The vote signing key at " + file.toAbsolutePath() + " cannot be used", e);
        }
    }
}
