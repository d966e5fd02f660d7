package org.renda.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of re-computing the whole audit chain.
 *
 * @param firstBrokenSeq the first entry whose content, hash or link no longer matches, if any
 */
public record ChainVerification(boolean intact, long entriesChecked, @Nullable Long firstBrokenSeq,
        @Nullable String problem, Instant verifiedAt) implements java.io.Serializable {}
