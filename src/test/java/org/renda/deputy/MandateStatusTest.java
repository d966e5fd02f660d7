package org.renda.deputy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MandateStatusTest {

    @Test
    void aSeatInOfficeMayEndInEveryLawfulWay() {
        assertThat(MandateStatus.ELECTED.next()).containsExactlyInAnyOrder(MandateStatus.RESIGNED,
                MandateStatus.REMOVED, MandateStatus.TERMINATED, MandateStatus.TERM_ENDED);
        assertThat(MandateStatus.BY_ELECTED.next()).contains(MandateStatus.RESIGNED);
    }

    @Test
    void anEndedSeatDoesNotComeBack() {
        for (MandateStatus ended : new MandateStatus[] {MandateStatus.RESIGNED, MandateStatus.REMOVED,
            MandateStatus.TERMINATED, MandateStatus.TERM_ENDED}) {
            assertThat(ended.inOffice()).isFalse();
            assertThat(ended.next()).isEmpty();
        }
    }

    @Test
    void spreadsheetsMayNameStatusesAndLevelsInChinese() {
        assertThat(MandateStatus.parse("补选")).contains(MandateStatus.BY_ELECTED);
        assertThat(DeputyLevel.parse("乡镇")).contains(DeputyLevel.TOWN);
        assertThat(DeputyLevel.parse("县级人大代表")).contains(DeputyLevel.COUNTY);
        assertThat(DeputyLevel.parse("村")).isEmpty();
    }
}
