package org.renda.shared.signing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Signs text with the Ed25519 key of a {@link KeyFile}, read lazily on first use (a missing file is created
 * then). The public key travels as Base64 X.509; its fingerprint is the SHA-256 (hex) of those bytes, short
 * enough to print on paper and to pin in configuration.
 */
public final class Signer {

    private final Path file;
    private final String purpose;
    private volatile @Nullable KeyPair keys;

    private Signer(Path file, String purpose) {
        this.file = file;
        this.purpose = purpose;
    }

    /** A signer over the key pair in {@code file}; {@code purpose} names it in errors ("vote signing key"). */
    public static Signer ofKeyFile(Path file, String purpose) {
        return new Signer(file, purpose);
    }

    /** The signature (Base64) of the text's UTF-8 bytes. */
    public String sign(String text) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys().getPrivate());
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The public key, Base64 X.509. */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(keys().getPublic().getEncoded());
    }

    /** The SHA-256 (hex) of the public key: what an auditor pins. */
    public String fingerprint() {
        return fingerprintOf(publicKey());
    }

    /** Whether the signature (Base64) over the text verifies with the public key (Base64 X.509). */
    public static boolean verify(String text, String signature, String publicKey) {
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

    /** The fingerprint of a public key given as Base64 X.509; blank when the text is not Base64. */
    public static String fingerprintOf(String publicKey) {
        try {
            return sha256(Base64.getDecoder().decode(publicKey.strip()));
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** SHA-256 in lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyPair keys() {
        KeyPair k = keys;
        if (k == null) {
            synchronized (this) {
                k = keys;
                if (k == null) {
                    k = KeyFile.loadOrCreate(file, purpose);
                    keys = k;
                }
            }
        }
        return k;
    }
}
