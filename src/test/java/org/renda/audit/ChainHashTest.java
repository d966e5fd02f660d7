package org.renda.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChainHashTest {

    private String hash(String prev, String before, String after) {
        return ChainHash.of(prev, 7, 1_700_000_000_000L, "admin", 3, "organisation", "9", "UPDATED", before, after);
    }

    @Test
    void theSameEntryAlwaysHashesTheSame() {
        assertThat(hash(ChainHash.GENESIS, "{}", "{\"a\":1}")).isEqualTo(hash(ChainHash.GENESIS, "{}", "{\"a\":1}"))
                .hasSize(64);
    }

    @Test
    void anyChangeOfContentOrPredecessorChangesTheHash() {
        String h = hash(ChainHash.GENESIS, "{}", "{\"a\":1}");
        assertThat(hash(ChainHash.GENESIS, "{}", "{\"a\":2}")).isNotEqualTo(h);
        assertThat(hash("1".repeat(64), "{}", "{\"a\":1}")).isNotEqualTo(h);
    }

    @Test
    void fieldBoundariesCannotBeShiftedToForgeTheSameHash() {
        assertThat(hash(ChainHash.GENESIS, "ab", "c")).isNotEqualTo(hash(ChainHash.GENESIS, "a", "bc"));
        assertThat(hash(ChainHash.GENESIS, null, "x")).isNotEqualTo(hash(ChainHash.GENESIS, "", "x"));
    }
}
