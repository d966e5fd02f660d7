package org.renda.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** The hash of one link: SHA-256 over the previous hash and every field of the entry, unambiguously framed. */
final class ChainHash {

    static final String GENESIS = "0".repeat(64);

    /** The chain of the installation's entries before audit partitions (V14_6), and of unpartitioned ones. */
    static final String ROOT = "root";

    private ChainHash() {}

    /**
     * Where a chain starts: 64 zeros for the root chain (as before partitions), else a hash of the chain's name,
     * so an entry or a checkpoint moved from one partition's chain into another no longer links.
     */
    static String genesis(String chain) {
        if (ROOT.equals(chain)) {
            return GENESIS;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("renda-audit-chain/1\n" + chain).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String of(String prevHash, long seq, long epochMillis, String actor, long orgId, String entityType,
            String entityId, String action, @Nullable String before, @Nullable String after) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {prevHash, Long.toString(seq), Long.toString(epochMillis), actor,
                    Long.toString(orgId), entityType, entityId, action, before, after}) {
                if (part == null) {
                    sha.update((byte) 0);
                } else {
                    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                    sha.update((byte) 1);
                    sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                    sha.update((byte) ':');
                    sha.update(bytes);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
