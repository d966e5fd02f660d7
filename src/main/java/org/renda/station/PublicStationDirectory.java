package org.renda.station;

import java.util.List;
import org.renda.station.StationEnums.Tier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public list of liaison stations: every active centre station, station and contact point with its address
 * and opening hours, each linking to the public page its QR code opens (its deputies, reception days, the
 * opinion form).
 */
@Controller
class PublicStationDirectory {

    static final String VIEW = "station/public-directory";

    /** A station on the list. */
    record Entry(String code, String name, Tier tier, String address, String openingHours) {}

    private final JdbcClient jdbc;

    PublicStationDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/public/stations")
    @Transactional(readOnly = true)
    String directory(Model model) {
        model.addAttribute("stations", stations());
        return VIEW;
    }

    List<Entry> stations() {
        return jdbc.sql("""
                select public_code, name, tier, address, opening_hours from station where active = true
                order by case tier when 'CENTRE' then 0 when 'STATION' then 1 else 2 end, code""")
                .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), Tier.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5) == null ? "" : rs.getString(5)))
                .list();
    }
}
