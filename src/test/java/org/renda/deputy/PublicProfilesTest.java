package org.renda.deputy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.renda.deputy.PublicProfiles.Period;

class PublicProfilesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    private static DeputyStore.Seat seat(DeputyLevel level, int start, int end, MandateStatus status) {
        return new DeputyStore.Seat(1, 1, 1, 1, level, 18, start, end, null, null, null, null, status,
                LocalDate.of(start, 12, 28), 0);
    }

    @Test
    void termsAreWrittenInChineseNumerals() {
        assertThat(PublicProfiles.numeral(5)).isEqualTo("五");
        assertThat(PublicProfiles.numeral(10)).isEqualTo("十");
        assertThat(PublicProfiles.numeral(18)).isEqualTo("十八");
        assertThat(PublicProfiles.numeral(20)).isEqualTo("二十");
        assertThat(PublicProfiles.numeral(21)).isEqualTo("二十一");
        assertThat(PublicProfiles.numeral(0)).isEqualTo("0");
    }

    @Test
    void theCurrentTermSpansTheSeatsInOffice() {
        assertThat(PublicProfiles.currentTerm(List.of(
                seat(DeputyLevel.TOWN, 2021, 2026, MandateStatus.ELECTED),
                seat(DeputyLevel.COUNTY, 2021, 2026, MandateStatus.BY_ELECTED),
                seat(DeputyLevel.TOWN, 2016, 2021, MandateStatus.TERM_ENDED)), TODAY))
                .isEqualTo(new Period(2021, 2026));
    }

    @Test
    void aDeputyNoLongerInOfficeKeepsTheTermOfTheLatestSeat() {
        assertThat(PublicProfiles.currentTerm(List.of(
                seat(DeputyLevel.TOWN, 2016, 2021, MandateStatus.TERM_ENDED),
                seat(DeputyLevel.TOWN, 2021, 2026, MandateStatus.RESIGNED)), TODAY))
                .isEqualTo(new Period(2021, 2026));
    }

    @Test
    void aDeputyWithoutSeatsIsCountedForThisYear() {
        Period p = PublicProfiles.currentTerm(List.of(), TODAY);
        assertThat(p).isEqualTo(Period.year(2025));
        assertThat(p.from()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(p.to()).isEqualTo(LocalDate.of(2025, 12, 31));
    }
}
