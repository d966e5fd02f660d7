package org.renda.station;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.deputy.DeputyLevel;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.renda.station.StationEnums.StaffRole;
import org.renda.station.StationEnums.Tier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A station's public page (the one its QR code opens): where and when, who works there, its deputies with links
 * to their public pages, the next reception days with their deputies, the year's figures and the way to the
 * opinion form. Built from its own read model, which has no field for any phone number but the station's own.
 */
@Service
@Transactional(readOnly = true)
class PublicStations {

    private final StationStore store;
    private final ReceptionRecordStore recordStore;
    private final StationNetwork network;
    private final ReceptionRoster roster;
    private final OrgTree orgs;

    PublicStations(StationStore store, ReceptionRecordStore recordStore, StationNetwork network, ReceptionRoster roster, OrgTree orgs) {
        this.store = store;
        this.recordStore = recordStore;
        this.network = network;
        this.roster = roster;
        this.orgs = orgs;
    }

    record PublicStaff(String name, StaffRole role, @Nullable String title) {}

    record PublicDeputy(String name, String publicCode, Set<DeputyLevel> levels) {}

    record PublicDay(LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, String place, boolean moved,
            List<String> deputies) {}

    record PublicStation(String code, String name, Tier tier, String orgName, String orgCode, String address,
            @Nullable String openingHours, @Nullable String contactPhone, @Nullable String description,
            boolean hasPhoto, List<PublicStaff> staff, List<PublicDeputy> deputies, List<PublicDay> upcoming,
            int year, int receptions, int voters, int opinions, int resolved) {}

    Optional<PublicStation> byCode(String code, LocalDate today) {
        return store.stationByPublicCode(code).map(s -> {
            OrgView org = orgs.find(s.orgId()).orElseThrow();
            ReceptionRecordStore.Counts c = recordStore.counts(List.of(s.id()), LocalDate.of(today.getYear(), 1, 1), today)
                    .get(s.id());
            return new PublicStation(s.publicCode(), s.name(), s.tier(), org.name(), org.code(), s.address(),
                    s.openingHours(), s.contactPhone(), s.description(), s.hasPhoto(),
                    store.staff(s.id()).stream().map(x -> new PublicStaff(x.name(), x.role(), x.title())).toList(),
                    network.stationDeputies(s.id()).stream().filter(d -> !d.levels().isEmpty())
                            .map(d -> new PublicDeputy(d.name(), d.publicCode(), d.levels())).toList(),
                    roster.upcoming(s, today, 3).stream().map(d -> new PublicDay(d.heldOn(), d.startsAt(), d.endsAt(),
                            d.place(), d.moved(), d.duties().stream()
                                    .filter(u -> u.state() != StationEnums.DutyState.DECLINED)
                                    .map(StationViews.DutyView::deputyName).toList())).toList(),
                    today.getYear(), c.receptionDays() + c.receptions(), c.voters(), c.opinions(), c.resolved());
        });
    }

    Optional<StationStore.Photo> photo(String code) {
        return store.stationByPublicCode(code).flatMap(s -> store.photo(s.id()));
    }
}
