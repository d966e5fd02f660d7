package org.renda.deputy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The congress's public list of deputies goes by constituency number as people count them, not as text sorts. */
class PublicDeputyRollTest {

    @Test
    void constituenciesAreOrderedByTheirNumberAndThoseWithoutOneComeLast() {
        List<String> names = new ArrayList<>(List.of("第10选区", "第2选区", "第1选区", "城关片区", "第5选区（上林村）"));
        names.sort(Comparator.comparingInt(PublicDeputyRoll::number).thenComparing(Comparator.naturalOrder()));
        assertThat(names).containsExactly("第1选区", "第2选区", "第5选区（上林村）", "第10选区", "城关片区");
        assertThat(PublicDeputyRoll.number(null)).isGreaterThan(PublicDeputyRoll.number("城关片区"));
    }
}
