package org.renda.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.renda.audit.ChainVerification.Break;
import org.renda.audit.ChainVerification.Kind;
import org.renda.shared.signing.Signer;

/**
 * Checks the chain against itself and against the signed checkpoints, collecting every broken range.
 * Recomputing hashes is what anyone with database access can do; what they cannot do without the key file is
 * sign, so a chain re-hashed after an edit, renumbered, cut at the tail or emptied disagrees with a checkpoint.
 * Fed the checkpoints first, then the entries in sequence order (streamed), then the head row.
 */
final class ChainVerifier {

    private final List<Break> breaks = new ArrayList<>();
    private final String trustedFingerprint;
    /** Checkpoints whose signature holds, by number: the database's, overridden by the auditor's copy. */
    private final TreeMap<Long, Checkpoint> trusted = new TreeMap<>();
    private final Map<Long, String> hashAtSignedHead = new HashMap<>();
    private final long checkpointsChecked;
    private final String chain;
    private final String genesis;
    private String prevHash;
    private long expectedSeq = 1;
    private long entriesChecked;

    /**
     * @param trustedPublicKey the installation's public key (Base64 X.509)
     * @param pinnedFingerprint the fingerprint the installation's key must have (configured), if any
     * @param stored the database's checkpoints, by number
     * @param copy checkpoints held outside the database (exported file, copy file), possibly empty
     */
    ChainVerifier(String trustedPublicKey, @Nullable String pinnedFingerprint, List<Checkpoint> stored,
            List<Checkpoint> copy) {
        this(ChainHash.ROOT, trustedPublicKey, pinnedFingerprint, stored, copy);
    }

    /** The verifier of one audit partition's chain, fed that chain's checkpoints and entries only. */
    ChainVerifier(String chain, String trustedPublicKey, @Nullable String pinnedFingerprint, List<Checkpoint> stored,
            List<Checkpoint> copy) {
        this.chain = chain;
        this.genesis = ChainHash.genesis(chain);
        this.prevHash = genesis;
        this.trustedFingerprint = Signer.fingerprintOf(trustedPublicKey);
        if (pinnedFingerprint != null && !pinnedFingerprint.isBlank()
                && !pinnedFingerprint.strip().equalsIgnoreCase(trustedFingerprint)) {
            add(Kind.KEY_CHANGED, 0, 0);
        }
        Map<Long, Checkpoint> byNumber = new HashMap<>();
        Checkpoint prev = null;
        long expected = 1;
        for (Checkpoint cp : stored) {
            byNumber.put(cp.number(), cp);
            if (cp.number() > expected) {
                add(Kind.CHECKPOINT_MISSING, expected, cp.number() - 1);
            }
            boolean linked = cp.number() == 1 ? cp.previous().equals(genesis)
                    : prev == null || prev.number() != cp.number() - 1 || cp.previous().equals(prev.digest());
            if (!cp.keyFingerprint().equals(trustedFingerprint)
                    || !cp.keyFingerprint().equals(Signer.fingerprintOf(cp.publicKey()))) {
                add(Kind.CHECKPOINT_KEY, cp.number(), cp.number());
            } else if (!cp.signedBy(trustedPublicKey) || !linked) {
                add(Kind.CHECKPOINT_FORGED, cp.number(), cp.number());
            } else {
                trusted.put(cp.number(), cp);
            }
            prev = cp;
            expected = cp.number() + 1;
        }
        boolean copyKeyDiffers = false;
        for (Checkpoint held : copy) {
            if (!held.signedBy(held.publicKey())) {
                add(Kind.COPY_INVALID, held.number(), held.number());
                continue;
            }
            copyKeyDiffers |= !held.keyFingerprint().equals(trustedFingerprint);
            Checkpoint mine = byNumber.get(held.number());
            if (mine == null) {
                add(Kind.CHECKPOINT_MISSING, held.number(), held.number());
            } else if (!mine.equals(held)) {
                add(Kind.CHECKPOINT_REPLACED, held.number(), held.number());
            }
            // The auditor's copy is authentic by its own signature: it wins over the database.
            trusted.put(held.number(), held);
        }
        if (copyKeyDiffers) {
            add(Kind.KEY_CHANGED, 0, 0);
        }
        for (Checkpoint cp : trusted.values()) {
            hashAtSignedHead.put(cp.headSeq(), cp.headSeq() == 0 ? genesis : "");
        }
        this.checkpointsChecked = stored.size();
    }

    /** The next entry, in ascending sequence order. */
    void accept(AuditEntry e) {
        entriesChecked++;
        if (e.seq() < expectedSeq) {
            // Only a seq below 1 can come before the first expected one: an entry slipped in front.
            add(Kind.GAP, e.seq(), e.seq());
            return;
        }
        boolean gap = e.seq() > expectedSeq;
        if (gap) {
            add(Kind.GAP, expectedSeq, e.seq() - 1);
        }
        boolean wholeMillis = e.occurredAt().equals(Instant.ofEpochMilli(e.occurredAt().toEpochMilli()));
        if (!wholeMillis || !e.hash().equals(ChainHash.of(e.prevHash(), e.seq(), e.occurredAt().toEpochMilli(),
                e.actor(), e.orgId(), e.entityType(), e.entityId(), e.action(), e.before(), e.after()))) {
            add(Kind.CONTENT, e.seq(), e.seq());
        } else if (!gap && !e.prevHash().equals(prevHash)) {
            add(Kind.LINK, e.seq(), e.seq());
        }
        if (hashAtSignedHead.containsKey(e.seq())) {
            hashAtSignedHead.put(e.seq(), e.hash());
        }
        prevHash = e.hash();
        expectedSeq = e.seq() + 1;
    }

    /** Checks the head row and the signed heads, and reports. */
    ChainVerification finish(long headSeq, String headHash) {
        long lastSeq = expectedSeq - 1;
        if (headSeq < lastSeq) {
            add(Kind.HEAD, headSeq + 1, lastSeq);
        } else if (headSeq > lastSeq) {
            add(Kind.TRUNCATED, lastSeq + 1, headSeq);
        } else if (!headHash.equals(prevHash)) {
            add(Kind.HEAD, lastSeq, lastSeq);
        }
        long lastGood = 0;
        long lastSigned = 0;
        long badHead = -1;
        for (Checkpoint cp : trusted.values().stream().sorted(Comparator.comparingLong(Checkpoint::headSeq)).toList()) {
            if (cp.headSeq() > lastSeq) {
                add(Kind.TRUNCATED, lastSeq + 1, cp.headSeq());
                continue;
            }
            String actual = hashAtSignedHead.get(cp.headSeq());
            if (actual == null || actual.isEmpty()) {
                continue; // that entry is gone: reported as a gap
            }
            if (actual.equals(cp.headHash())) {
                lastGood = cp.headSeq();
                lastSigned = Math.max(lastSigned, cp.headSeq());
                badHead = -1;
            } else if (badHead < 0) {
                add(Kind.REWRITTEN, lastGood + 1, cp.headSeq());
                badHead = cp.headSeq();
            } else if (cp.headSeq() > badHead) {
                add(Kind.REHASHED, badHead + 1, cp.headSeq());
                badHead = cp.headSeq();
            }
        }
        return new ChainVerification(entriesChecked, checkpointsChecked, merged(), trustedFingerprint, lastSigned,
                Instant.now());
    }

    private void add(Kind kind, long from, long to) {
        breaks.add(new Break(kind, from, to, chain));
    }

    /** Overlapping or adjacent ranges of one kind as one; the key first, then entries, then checkpoints. */
    private List<Break> merged() {
        List<Break> sorted = breaks.stream()
                .sorted(Comparator.comparing((Break b) -> b.kind() != Kind.KEY_CHANGED)
                        .thenComparing(b -> b.kind().countsCheckpoints())
                        .thenComparing(Break::kind).thenComparingLong(Break::from))
                .toList();
        List<Break> out = new ArrayList<>();
        for (Break b : sorted) {
            Break last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.kind() == b.kind() && b.from() <= last.to() + 1) {
                out.set(out.size() - 1, new Break(b.kind(), last.from(), Math.max(last.to(), b.to()), chain));
            } else {
                out.add(b);
            }
        }
        // Within entries and within checkpoints, in the order of the chain.
        out.sort(Comparator.comparing((Break b) -> b.kind() != Kind.KEY_CHANGED)
                .thenComparing(b -> b.kind().countsCheckpoints()).thenComparingLong(Break::from)
                .thenComparing(Break::kind));
        return out;
    }
}
