package org.renda.audit;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of re-computing the whole audit chain and checking it against the signed checkpoints: every
 * broken range, not only the first.
 *
 * @param keyFingerprint the fingerprint of the installation's audit signing key the check trusted
 * @param lastSignedSeq the highest entry covered by a valid checkpoint (entries after it are protected by the
 *     unkeyed chain only until the next checkpoint); 0 when none
 */
public record ChainVerification(long entriesChecked, long checkpointsChecked, List<Break> breaks,
        String keyFingerprint, long lastSignedSeq, Instant verifiedAt) implements Serializable {

    public ChainVerification {
        breaks = List.copyOf(breaks);
    }

    /**
     * The outcome over several audit partitions' chains, the root chain's first: entries and checkpoints summed,
     * every chain's breaks (each naming its chain), the root chain's last signed entry.
     */
    static ChainVerification combine(List<ChainVerification> perChain) {
        ChainVerification root = perChain.get(0);
        long entries = 0;
        long checkpoints = 0;
        List<Break> all = new java.util.ArrayList<>();
        for (ChainVerification v : perChain) {
            entries += v.entriesChecked();
            checkpoints += v.checkpointsChecked();
            for (Break b : v.breaks()) {
                // the key is the installation's: one KEY_CHANGED however many chains saw it
                if (b.kind() != Kind.KEY_CHANGED || all.stream().noneMatch(x -> x.kind() == Kind.KEY_CHANGED)) {
                    all.add(b);
                }
            }
        }
        return new ChainVerification(entries, checkpoints, all, root.keyFingerprint(), root.lastSignedSeq(),
                root.verifiedAt());
    }

    public boolean intact() {
        return breaks.isEmpty();
    }

    /** The first broken entry, if any entry range is broken. */
    public @Nullable Long firstBrokenSeq() {
        return breaks.stream().filter(b -> !b.kind().countsCheckpoints() && b.kind() != Kind.KEY_CHANGED)
                .map(Break::from).min(Long::compare).orElse(null);
    }

    /** What a broken range means. Entry kinds count audit entries (seq); checkpoint kinds count checkpoints. */
    public enum Kind {
        /** Entries missing inside the chain: deleted. */
        GAP,
        /** An entry whose content no longer matches its hash (any column, also below the millisecond). */
        CONTENT,
        /** An entry that does not link to the hash of the entry before it. */
        LINK,
        /** The head row does not point at the last entry: entries past it, or the head itself edited. */
        HEAD,
        /** Entries the head row or a signed checkpoint vouches for are gone at the end of the chain. */
        TRUNCATED,
        /** The chain was changed in this range and re-hashed: it no longer agrees with the signed head. */
        REWRITTEN,
        /** Later signed heads that no longer agree either: re-hashed after an earlier change, or changed too. */
        REHASHED,
        /** Checkpoints missing from the database (a gap in their numbers, or present in the held copy only). */
        CHECKPOINT_MISSING(true),
        /** Checkpoints whose signature or link to the previous checkpoint fails: forged or edited. */
        CHECKPOINT_FORGED(true),
        /** Checkpoints signed by a key other than the installation's. */
        CHECKPOINT_KEY(true),
        /** Checkpoints in the database that differ from the held copy of the same number. */
        CHECKPOINT_REPLACED(true),
        /** Checkpoints in the held copy whose own signature fails: the copy is not authentic. */
        COPY_INVALID(true),
        /** The installation's signing key is not the pinned or exported one: the key file was swapped. */
        KEY_CHANGED(true);

        private final boolean checkpoints;

        Kind() {
            this(false);
        }

        Kind(boolean checkpoints) {
            this.checkpoints = checkpoints;
        }

        public boolean countsCheckpoints() {
            return checkpoints;
        }
    }

    /**
     * A broken range, {@code from} to {@code to} inclusive (entry seqs, or checkpoint numbers by kind), in the
     * chain of one audit partition ({@code "root"}: the installation's chain).
     */
    public record Break(Kind kind, long from, long to, String chain) implements Serializable {

        public Break(Kind kind, long from, long to) {
            this(kind, from, to, "root");
        }

        /** True for the installation's chain; a partition's breaks are shown with its name. */
        public boolean inRootChain() {
            return "root".equals(chain);
        }

        /** "7" or "7–12", for the message. */
        public String range() {
            return from == to ? Long.toString(from) : from + "–" + to;
        }

        public String messageKey() {
            return "audit.break." + kind.name();
        }

        @Override
        public String toString() {
            return (inRootChain() ? "" : chain + ": ") + kind + " " + range();
        }
    }
}
