package org.renda.deputy;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.renda.org.OrgTree;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public face of a deputy (亮身份): what anyone sees after scanning the QR code on the nameplate,
 * without signing in. Who they are as a deputy (seats, constituency, group, station), this year's
 * commitments and their verified duty counts. Never personal data: no phone, ID number, birth date,
 * workplace or user account; the read model below has no field that could carry them.
 */
@Service
@Transactional(readOnly = true)
class PublicProfiles {

    /** Public codes are generated from lower-case letters and digits; anything else is not looked up. */
    private static final Pattern CODE = Pattern.compile("[0-9a-z]{6,24}");
    private static final String NUMERALS = "零一二三四五六七八九";

    private final DeputyStore store;
    private final DutyLog duties;
    private final Commitments commitments;
    private final OrgTree orgs;

    PublicProfiles(DeputyStore store, DutyLog duties, Commitments commitments, OrgTree orgs) {
        this.store = store;
        this.duties = duties;
        this.commitments = commitments;
        this.orgs = orgs;
    }

    /** Whole calendar years, e.g. a term 2021—2026 or the single year 2025. */
    record Period(int fromYear, int toYear) {

        LocalDate from() {
            return LocalDate.of(fromYear, 1, 1);
        }

        LocalDate to() {
            return LocalDate.of(toYear, 12, 31);
        }

        static Period year(int year) {
            return new Period(year, year);
        }
    }

    /** A seat as the public sees it. */
    record PublicSeat(DeputyLevel level, String congressName, String congressCode, int termNo, String termNumeral, int termStart,
            int termEnd, @Nullable String constituency, @Nullable String deputyGroup, @Nullable String station,
            MandateStatus status, LocalDate statusSince) {

        public boolean inOffice() {
            return status.inOffice();
        }
    }

    record PublicCommitment(String title, @Nullable String detail, @Nullable String progress,
            CommitmentStatus status, @Nullable String result) {}

    /** Verified duties of one type: in the current term and in this year. */
    record DutyCount(DutyType type, int term, int year) {}

    record PublicProfile(String code, String name, @Nullable String gender, boolean hasPhoto,
            boolean nameplateActive, @Nullable LocalDate nameplateWithdrawnOn, List<PublicSeat> seats, Period term,
            int year, List<DutyCount> counts, int termTotal, int yearTotal, List<PublicCommitment> commitments) {

        public boolean inOffice() {
            return seats.stream().anyMatch(PublicSeat::inOffice);
        }

        public List<PublicSeat> seatsInOffice() {
            return seats.stream().filter(PublicSeat::inOffice).toList();
        }

        /** The congress an opinion to this deputy goes to (the opinion form's addressee): a seat in office's. */
        public @Nullable String opinionOrgCode() {
            return seatsInOffice().stream().map(PublicSeat::congressCode).filter(c -> !c.isEmpty()).findFirst()
                    .orElse(null);
        }

        /** The seat that ended last, for a deputy no longer in office. */
        public Optional<PublicSeat> lastEnded() {
            return seats.stream().filter(s -> !s.inOffice()).max(Comparator.comparing(PublicSeat::statusSince));
        }

        /** The first character of the name, drawn where there is no photo. */
        public String initial() {
            return name.isEmpty() ? "" : name.substring(0, name.offsetByCodePoints(0, 1));
        }
    }

    Optional<PublicProfile> byCode(String code) {
        return row(code).map(r -> of(r, LocalDate.now()));
    }

    boolean exists(String code) {
        return row(code).isPresent();
    }

    Optional<DeputyStore.Photo> photo(String code) {
        return row(code).flatMap(r -> store.photo(r.id()));
    }

    /** Unscoped: callers check that the actor may read the deputy first. */
    PublicProfile of(long deputyId) {
        return of(store.byId(deputyId).orElseThrow(), LocalDate.now());
    }

    private Optional<DeputyStore.Row> row(String code) {
        return CODE.matcher(code).matches() ? store.byPublicCode(code) : Optional.empty();
    }

    private PublicProfile of(DeputyStore.Row r, LocalDate today) {
        List<DeputyStore.Seat> seats = store.seats(r.id());
        Map<Long, String> names = new HashMap<>();
        Map<Long, String> codes = new HashMap<>();
        orgs.findAll(seats.stream().map(DeputyStore.Seat::congressOrgId).distinct().toList())
                .forEach(o -> {
                    names.put(o.id(), o.name());
                    codes.put(o.id(), o.code());
                });
        List<PublicSeat> publicSeats = seats.stream()
                .sorted(Comparator.comparing((DeputyStore.Seat s) -> !s.status().inOffice()))
                .map(s -> new PublicSeat(s.level(), names.getOrDefault(s.congressOrgId(), ""),
                        codes.getOrDefault(s.congressOrgId(), ""), s.termNo(),
                        numeral(s.termNo()), s.termStart(), s.termEnd(), s.constituency(), s.deputyGroup(),
                        s.station(), s.status(), s.statusSince()))
                .toList();
        Period term = currentTerm(seats, today);
        int year = today.getYear();
        Map<DutyType, Integer> inTerm = duties.publicCounts(r.id(), term.from(), term.to());
        Map<DutyType, Integer> inYear = duties.publicCounts(r.id(), Period.year(year).from(), Period.year(year).to());
        List<DutyCount> counts = new java.util.ArrayList<>();
        for (DutyType t : DutyType.values()) {
            int a = inTerm.getOrDefault(t, 0);
            int b = inYear.getOrDefault(t, 0);
            if (a > 0 || b > 0) {
                counts.add(new DutyCount(t, a, b));
            }
        }
        List<PublicCommitment> promised = commitments.ofDeputy(r.id(), year).stream()
                .map(c -> new PublicCommitment(c.title(), c.detail(), c.progress(), c.status(), c.result()))
                .toList();
        return new PublicProfile(r.publicCode(), r.person().name(), r.person().gender(), store.hasPhoto(r.id()),
                r.nameplateActive(), r.nameplateActive() ? null : r.nameplateChangedOn(), publicSeats, term, year,
                counts, sum(inTerm), sum(inYear), promised);
    }

    /**
     * The deputy's current term: the years of the seats in office (a town and a county seat of the
     * same election share them); for a deputy no longer in office, the term of the latest seat; for a
     * deputy without seats, this year.
     */
    static Period currentTerm(List<DeputyStore.Seat> seats, LocalDate today) {
        List<DeputyStore.Seat> inOffice = seats.stream().filter(s -> s.status().inOffice()).toList();
        if (!inOffice.isEmpty()) {
            return new Period(inOffice.stream().mapToInt(DeputyStore.Seat::termStart).min().orElseThrow(),
                    inOffice.stream().mapToInt(DeputyStore.Seat::termEnd).max().orElseThrow());
        }
        return seats.stream().max(Comparator.comparingInt(DeputyStore.Seat::termStart))
                .map(s -> new Period(s.termStart(), s.termEnd()))
                .orElse(Period.year(today.getYear()));
    }

    /** 18 becomes 十八, as terms (届) are written: 第十八届. Numbers from 1 to 99. */
    static String numeral(int n) {
        if (n < 1 || n > 99) {
            return String.valueOf(n);
        }
        int tens = n / 10;
        int ones = n % 10;
        String t = tens == 0 ? "" : (tens == 1 ? "" : String.valueOf(NUMERALS.charAt(tens))) + "十";
        return t + (ones == 0 ? "" : String.valueOf(NUMERALS.charAt(ones)));
    }

    private static int sum(Map<DutyType, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** For callers that want the counts of every type in a fixed order (the archive). */
    static Map<DutyType, Integer> allTypes(Map<DutyType, Integer> counts) {
        Map<DutyType, Integer> out = new EnumMap<>(DutyType.class);
        for (DutyType t : DutyType.values()) {
            out.put(t, counts.getOrDefault(t, 0));
        }
        return out;
    }
}
