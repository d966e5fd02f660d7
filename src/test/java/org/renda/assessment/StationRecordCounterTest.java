package org.renda.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.station.ReceptionLedger;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Liaison-station figures as counted indicators: a town counts its stations' receptions, within the reach. */
@RendaIntegrationTest
class StationRecordCounterTest {

    @Autowired StationRecordCounter counter;
    @Autowired ReceptionLedger ledger;
    @Autowired OrgTree orgs;
    @Autowired UserDetailsService accounts;

    @Test
    void aTownCountsTheReceptionsAndOpinionsOfEveryStationInItAndAnotherTownCountsNone() {
        LocalDate from = LocalDate.of(LocalDate.now().getYear(), 1, 1);
        LocalDate to = LocalDate.now();
        long anlan = orgs.findByCode("QH-AL").orElseThrow().id();
        long county = orgs.findByCode("QH").orElseThrow().id();
        assertThat(counter.answers("station.receptions")).isTrue();
        assertThat(counter.answers("station.nonsense")).isFalse();
        assertThat(counter.answers("deputy.duty.RECEPTION")).isFalse();

        Map<String, Map<Long, Integer>> counts = Logins.call(accounts, "anlan.staff",
                () -> counter.counts(Set.of("station.receptions", "station.opinions", "station.voters"), from, to));
        var figures = Logins.call(accounts, "anlan.staff", () -> ledger.figures(from, to));
        int receptions = figures.stream().mapToInt(f -> f.receptions()).sum();
        int opinions = figures.stream().mapToInt(f -> f.opinions()).sum();
        // the demo station holds a reception on every past 5th of the month but the last
        org.junit.jupiter.api.Assumptions.assumeTrue(receptions > 0, "no reception day has passed yet this year");
        assertThat(counts.get("station.receptions").get(anlan)).isEqualTo(receptions);
        assertThat(counts.get("station.opinions").get(anlan)).isEqualTo(opinions);
        // the county above the town counts them too (its own centre station held none)
        assertThat(counts.get("station.receptions").get(county)).isEqualTo(receptions);

        Map<String, Map<Long, Integer>> foreign = Logins.call(accounts, "shiqiao.staff",
                () -> counter.counts(Set.of("station.receptions"), from, to));
        assertThat(foreign.get("station.receptions")).doesNotContainKey(anlan);
    }
}
