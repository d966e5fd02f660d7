package org.renda.station;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.org.OrgTree;
import org.renda.station.StationEnums.Tier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stations' public read model for one congress: its active stations anywhere under its organisation (a county's
 * include its towns'), each with address, opening hours, the next reception days and who receives, and the year's
 * figures, as each station's own public page ({@link PublicStationPages}) shows them. The station's own phone is
 * public there and here; a deputy's never is.
 */
@Service
@Transactional(readOnly = true)
public class PublicStationBoard {

    /** An upcoming reception day (接待选民日) and the deputies who receive. */
    public record PublicReceptionDay(LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, String place,
            boolean moved, List<String> deputies) {}

    /** A station on the congress's list; {@code code} opens its public page. */
    public record PublicStationLine(String code, String name, Tier tier, String orgName, String address,
            @Nullable String openingHours, @Nullable String contactPhone, List<PublicReceptionDay> upcoming,
            int receptions, int voters, int opinions, int resolved) {}

    private final JdbcClient jdbc;
    private final PublicStations stations;
    private final OrgTree orgs;

    PublicStationBoard(JdbcClient jdbc, PublicStations stations, OrgTree orgs) {
        this.jdbc = jdbc;
        this.stations = stations;
        this.orgs = orgs;
    }

    /** The stations under the congress's organisation, centre stations first, each with its next three days. */
    public List<PublicStationLine> ofCongress(long congressOrgId, LocalDate today) {
        Collection<Long> subtree = orgs.subtreeIds(congressOrgId);
        List<String> codes = jdbc.sql("""
                select public_code from station where active = true and org_id in (:orgs)
                order by case tier when 'CENTRE' then 0 when 'STATION' then 1 else 2 end, code""")
                .param("orgs", subtree).query(String.class).list();
        return codes.stream().map(c -> stations.byCode(c, today)).flatMap(java.util.Optional::stream)
                .map(s -> new PublicStationLine(s.code(), s.name(), s.tier(), s.orgName(), s.address(),
                        s.openingHours(), s.contactPhone(), s.upcoming().stream()
                                .map(d -> new PublicReceptionDay(d.heldOn(), d.startsAt(), d.endsAt(), d.place(),
                                        d.moved(), d.deputies())).toList(),
                        s.receptions(), s.voters(), s.opinions(), s.resolved()))
                .toList();
    }
}
