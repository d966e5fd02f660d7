package org.renda.audit;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.renda.shared.signing.Signer;

/**
 * One signed checkpoint: the chain head (sequence and hash) at a moment, linked to the previous checkpoint by
 * {@link #digest()}, signed with the installation's Ed25519 key. Every column is in the signed text or, for the
 * public key, in the fingerprint the text carries.
 *
 * @param previous the previous checkpoint's {@link #digest()}, or the chain's genesis (64 zeros for the root
 *     chain) for the first
 * @param chain the audit partition whose chain head this signs ({@code "root"}: the installation's chain before
 *     partitions, signed in the original text format)
 */
public record Checkpoint(long number, long headSeq, String headHash, Instant signedAt, String previous,
        String keyFingerprint, String publicKey, String signature, String chain) implements Serializable {

    /** A checkpoint of the root chain. */
    public Checkpoint(long number, long headSeq, String headHash, Instant signedAt, String previous,
            String keyFingerprint, String publicKey, String signature) {
        this(number, headSeq, headHash, signedAt, previous, keyFingerprint, publicKey, signature, ChainHash.ROOT);
    }

    static final String FORMAT = "renda-audit-checkpoint/1";

    /** The exact text the signature covers. */
    public String signedText() {
        return signedText(number, headSeq, headHash, signedAt, previous, keyFingerprint, chain);
    }

    /** The signed text of a root chain checkpoint. */
    static String signedText(long number, long headSeq, String headHash, Instant signedAt, String previous,
            String keyFingerprint) {
        return signedText(number, headSeq, headHash, signedAt, previous, keyFingerprint, ChainHash.ROOT);
    }

    static String signedText(long number, long headSeq, String headHash, Instant signedAt, String previous,
            String keyFingerprint, String chain) {
        String partition = ChainHash.ROOT.equals(chain) ? "" : "\nchain=" + chain;
        return FORMAT + partition + "\nnumber=" + number + "\nhead-seq=" + headSeq + "\nhead-hash=" + headHash + "\nsigned-at="
                + signedAt.toEpochMilli() + "\nprevious=" + previous + "\nkey=" + keyFingerprint + "\n";
    }

    /** What the next checkpoint's {@code previous} holds: SHA-256 over this one's text and signature. */
    public String digest() {
        return Signer.sha256((signedText() + signature).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the signature verifies with the given key and this checkpoint names that key. */
    boolean signedBy(String trustedPublicKey) {
        return keyFingerprint.equals(Signer.fingerprintOf(trustedPublicKey))
                && keyFingerprint.equals(Signer.fingerprintOf(publicKey))
                && signedAt.equals(Instant.ofEpochMilli(signedAt.toEpochMilli()))
                && Signer.verify(signedText(), signature, trustedPublicKey);
    }
}
