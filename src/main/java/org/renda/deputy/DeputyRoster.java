package org.renda.deputy;

import org.renda.shared.validation.ResidentId;
import org.renda.shared.validation.ChinesePhone;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.renda.deputy.DeputyRegister.NewDeputy;
import org.renda.deputy.DeputyRegister.PersonForm;
import org.renda.deputy.DeputyRegister.SeatForm;
import org.renda.deputy.DeputyViews.DeputySummary;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.Masking;
import org.renda.shared.Permission;
import org.renda.shared.excel.ImportRejected;
import org.renda.shared.excel.RowError;
import org.renda.shared.excel.Xlsx;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of deputies as a spreadsheet (代表名册), one seat a row. An import is checked whole before
 * anything is written: every bad row is listed ("第 17 行：身份证号与第 5 行重复") and nothing is saved; a
 * good file is registered row by row through {@link DeputyRegister} (so each deputy is audited and
 * announced) in one transaction. A row whose ID number is already registered adds the seat to that
 * deputy, since one person may sit in congresses at several levels. The export masks phone and ID number.
 */
@Service
public class DeputyRoster {

    static final String SHEET = "代表名册";
    static final String NAME = "姓名";
    static final String GENDER = "性别";
    static final String BIRTH_DATE = "出生日期";
    static final String ETHNICITY = "民族";
    static final String PARTY = "政治面貌";
    static final String EDUCATION = "文化程度";
    static final String OCCUPATION = "职业";
    static final String WORKPLACE = "工作单位";
    static final String PHONE = "联系电话";
    static final String ID_NUMBER = "身份证号";
    static final String HOME = "所属单位编码";
    static final String LEVEL = "代表层级";
    static final String TERM = "届次";
    static final String TERM_START = "届期开始";
    static final String TERM_END = "届期结束";
    static final String CONGRESS = "人大单位编码";
    static final String CONSTITUENCY = "选区";
    static final String GROUP = "代表小组";
    static final String STATION = "联络站";
    static final String CARD = "代表证号";
    static final String STATUS = "资格状态";
    static final String SINCE = "资格日期";
    static final String DOCUMENT = "依据文件";
    static final List<String> HEADERS = List.of(NAME, GENDER, BIRTH_DATE, ETHNICITY, PARTY, EDUCATION, OCCUPATION,
            WORKPLACE, PHONE, ID_NUMBER, HOME, LEVEL, TERM, TERM_START, TERM_END, CONGRESS, CONSTITUENCY, GROUP,
            STATION, CARD, STATUS, SINCE, DOCUMENT);
    static final List<String> REQUIRED = List.of(NAME, HOME, LEVEL, TERM, TERM_START, TERM_END);

    static final int MIN_YEAR = 1950;
    static final int MAX_YEAR = 2100;

    private final DeputyRegister register;
    private final RosterStore store;
    private final OrgTree orgs;
    private final CurrentActor currentActor;

    DeputyRoster(DeputyRegister register, RosterStore store, OrgTree orgs, CurrentActor currentActor) {
        this.register = register;
        this.store = store;
        this.orgs = orgs;
        this.currentActor = currentActor;
    }

    /**
     * What an import did.
     *
     * @param deputies deputies newly registered (each with the seat of their row)
     * @param seats seats added to deputies who were already registered (matched by ID number)
     */
    public record ImportResult(int deputies, int seats) implements Serializable {} // a flash attribute: kept in the session

    /** The headers and one example row, to be overwritten. */
    public byte[] template() {
        return Xlsx.write(SHEET, HEADERS, List.of(List.of("张三", "男", "1975-03-01", "汉族", "中共党员", "大专",
                "村党支部书记", "东湖村村民委员会", "13800000000", "", "所属单位编码", "乡镇", "第十八届", 2021, 2026, "",
                "第1选区", "第一代表小组", "人大代表联络站", "", "当选", "2021-12-28", "第十八届人民代表大会代表名单公告")));
    }

    @Transactional
    public ImportResult importSheet(InputStream in) {
        Actor actor = currentActor.require();
        List<Xlsx.SheetRow> rows = Xlsx.read(in, REQUIRED);
        List<RowError> errors = new ArrayList<>();
        OrgLookup lookup = new OrgLookup();
        List<Line> lines = new ArrayList<>();
        for (Xlsx.SheetRow row : rows) {
            Line line = parse(row, actor, lookup, errors);
            if (line != null) {
                lines.add(line);
            }
        }
        Map<Integer, Long> addTo = people(lines, actor, errors);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(RowError::row));
            throw new ImportRejected(errors);
        }
        int deputies = 0;
        int seats = 0;
        // Every rule was checked above; a refusal here is a concurrent change, and the whole file rolls back.
        for (Line line : lines) {
            Long existing = addTo.get(line.row());
            if (existing != null) {
                register.addSeat(existing, line.seat());
                seats++;
            } else {
                register.register(new NewDeputy(line.homeId(), line.person(), line.seat()));
                deputies++;
            }
        }
        return new ImportResult(deputies, seats);
    }

    /** The deputies of the actor's reach that match the query, one row per matching seat; phone and ID masked. */
    @Transactional(readOnly = true)
    public byte[] export(DeputyRegister.Query q) {
        List<Long> ids = register.listAll(q).stream().map(DeputySummary::id).toList();
        Map<Long, RosterStore.Person> persons = store.persons(ids);
        Map<Long, List<RosterStore.Seat>> seats = store.seats(ids);
        Predicate<RosterStore.Seat> wanted = s -> (q.level() == null || s.level() == q.level())
                && (q.termNo() == null || s.termNo() == q.termNo())
                && (q.group() == null || q.group().isBlank() || q.group().strip().equals(s.deputyGroup()))
                && (q.status() != null ? s.status() == q.status() : !q.inOfficeOnly() || s.status().inOffice());
        List<RosterStore.Seat> chosen = seats.values().stream().flatMap(List::stream).filter(wanted).toList();
        Map<Long, String> documents = store.latestDocuments(chosen.stream().map(RosterStore.Seat::id).toList());
        Set<Long> orgIds = new HashSet<>();
        persons.values().forEach(p -> orgIds.add(p.orgId()));
        chosen.forEach(s -> orgIds.add(s.congressOrgId()));
        Map<Long, String> codes = new HashMap<>();
        orgs.findAll(orgIds).forEach(o -> codes.put(o.id(), o.code()));
        List<List<?>> rows = new ArrayList<>();
        for (RosterStore.Person p : persons.values()) {
            for (RosterStore.Seat s : seats.getOrDefault(p.id(), List.of())) {
                if (wanted.test(s)) {
                    rows.add(Arrays.asList(p.name(), cell(p.gender()), cell(p.birthDate()), cell(p.ethnicity()),
                            cell(p.party()), cell(p.education()), cell(p.occupation()), cell(p.workplace()),
                            Masking.phone(p.phone()), Masking.idNumber(p.idNumber()), codes.getOrDefault(p.orgId(), ""),
                            s.level().label(), s.termNo(), s.termStart(), s.termEnd(),
                            codes.getOrDefault(s.congressOrgId(), ""), cell(s.constituency()), cell(s.deputyGroup()),
                            cell(s.station()), cell(s.cardNumber()), s.status().label(), s.statusSince().toString(),
                            documents.getOrDefault(s.id(), "")));
                }
            }
        }
        return Xlsx.write(SHEET, HEADERS, rows);
    }

    // --- reading one row ---

    /** A row that passed every check of its own cells. */
    record Line(int row, String name, @Nullable String idNumber, long homeId, PersonForm person, SeatForm seat) {

        RosterStore.SeatKey seatKey() {
            return new RosterStore.SeatKey(seat.congressOrgId(), seat.level(), seat.termNo());
        }
    }

    private @Nullable Line parse(Xlsx.SheetRow row, Actor actor, OrgLookup lookup, List<RowError> errors) {
        int before = errors.size();
        Cells c = new Cells(row, errors);
        String name = c.name();
        String gender = c.gender();
        LocalDate birthDate = c.date(BIRTH_DATE);
        if (birthDate != null && birthDate.isAfter(LocalDate.now())) {
            c.error("roster.row.birthFuture");
        }
        String ethnicity = c.text(ETHNICITY, 20);
        String party = c.text(PARTY, 40);
        String education = c.text(EDUCATION, 40);
        String occupation = c.text(OCCUPATION, 100);
        String workplace = c.text(WORKPLACE, 100);
        String phone = c.phone();
        String idNumber = c.idNumber();
        OrgView home = home(c, actor, lookup);
        DeputyLevel level = c.level();
        Integer termNo = c.termNo();
        Integer termStart = c.year(TERM_START);
        Integer termEnd = c.year(TERM_END);
        if (termStart != null && termEnd != null && termEnd < termStart) {
            c.error("roster.row.termYears", String.valueOf(termStart), String.valueOf(termEnd));
        }
        OrgView congress = home == null || level == null ? null : congress(c, home, level, actor, lookup);
        String constituency = c.text(CONSTITUENCY, 100);
        String group = c.text(GROUP, 100);
        String station = c.text(STATION, 100);
        String card = c.text(CARD, 32);
        MandateStatus status = c.status();
        LocalDate since = c.date(SINCE);
        String document = c.text(DOCUMENT, 200);
        if (status == MandateStatus.BY_ELECTED && row.get(SINCE).isEmpty()) {
            c.error("roster.row.sinceRequired");
        }
        if (since != null && termStart != null && termEnd != null
                && (since.getYear() < termStart - 1 || since.getYear() > termEnd)) {
            c.error("roster.row.sinceOutside", since.toString(), String.valueOf(termStart), String.valueOf(termEnd));
        }
        if (errors.size() > before || name == null || home == null || level == null || termNo == null
                || termStart == null || termEnd == null || congress == null || status == null) {
            return null;
        }
        // An elected seat without a date counts from the first day of its term.
        LocalDate seatSince = since != null ? since : LocalDate.of(termStart, 1, 1);
        PersonForm person = new PersonForm(name, gender, birthDate, ethnicity, party, education, occupation, workplace,
                phone, idNumber, null);
        SeatForm seat = new SeatForm(congress.id(), level, termNo, termStart, termEnd, constituency, group, station,
                card, status, seatSince, document);
        return new Line(row.number(), name, idNumber, home.id(), person, seat);
    }

    /** The deputy's home: an active organisation where the importer keeps the register, else "not found". */
    private static @Nullable OrgView home(Cells c, Actor actor, OrgLookup lookup) {
        String code = c.required(HOME);
        if (code == null) {
            return null;
        }
        Optional<OrgView> home = lookup.byCode(code).filter(o -> actor.can(Permission.DEPUTY_WRITE, o.id()));
        if (home.isEmpty()) {
            c.error("roster.row.homeUnknown", code);
            return null;
        }
        if (!home.get().active()) {
            c.error("roster.row.homeInactive", code);
            return null;
        }
        return home.get();
    }

    /**
     * The congress of the seat: the code given, if it is above the home or kept by the importer (as
     * {@link DeputyRegister} requires), and of the level's kind; by default the nearest congress of the
     * level's kind at or above the home (a village deputy of a town congress sits in the town).
     */
    private @Nullable OrgView congress(Cells c, OrgView home, DeputyLevel level, Actor actor, OrgLookup lookup) {
        Set<OrgType> kinds = congressKinds(level);
        String code = c.value(CONGRESS);
        Set<Long> lineage = new HashSet<>();
        for (long id : home.lineage()) {
            lineage.add(id);
        }
        if (code.isEmpty()) {
            long[] up = home.lineage();
            Map<Long, OrgView> found = lookup.byIds(up);
            for (int i = up.length - 1; i >= 0; i--) {
                OrgView o = found.get(up[i]);
                if (o != null && o.active() && kinds.contains(o.type())) {
                    return o;
                }
            }
            c.error("roster.row.congressMissing", level.label());
            return null;
        }
        Optional<OrgView> congress = lookup.byCode(code).filter(OrgView::active)
                .filter(o -> lineage.contains(o.id()) || actor.can(Permission.DEPUTY_WRITE, o.id()));
        if (congress.isEmpty()) {
            c.error("roster.row.congressUnknown", code);
            return null;
        }
        if (!kinds.isEmpty() && !kinds.contains(congress.get().type())) {
            c.error("roster.row.congressLevel", code, congress.get().type().label(), level.label());
            return null;
        }
        return congress.get();
    }

    /** The kinds of organisation whose congress elects deputies of the level; empty: not checked. */
    static Set<OrgType> congressKinds(DeputyLevel level) {
        return switch (level) {
            case TOWN -> EnumSet.of(OrgType.TOWN);
            case COUNTY -> EnumSet.of(OrgType.COUNTY);
            case CITY -> EnumSet.of(OrgType.CITY);
            case PROVINCE -> EnumSet.of(OrgType.PROVINCE);
            case NATIONAL -> EnumSet.noneOf(OrgType.class);
        };
    }

    // --- the rows together: the file and the register ---

    /**
     * Checks the people of the file against each other and the register; answers, by row number, the
     * registered deputy a row adds its seat to.
     */
    private Map<Integer, Long> people(List<Line> lines, Actor actor, List<RowError> errors) {
        Map<Integer, Long> addTo = new HashMap<>();
        Map<String, Integer> firstById = new HashMap<>();
        List<Line> withId = new ArrayList<>();
        for (Line l : lines) {
            if (l.idNumber() == null) {
                continue;
            }
            Integer first = firstById.putIfAbsent(l.idNumber(), l.row());
            if (first != null) {
                errors.add(new RowError(l.row(), "roster.row.idNumberDuplicate", String.valueOf(first)));
            } else {
                withId.add(l);
            }
        }
        Map<String, RosterStore.Known> known = store.byIdNumbers(withId.stream().map(Line::idNumber).toList());
        Map<Long, List<RosterStore.SeatKey>> knownSeats = store.seatKeys(
                known.values().stream().map(RosterStore.Known::id).toList());
        Set<Integer> bad = new HashSet<>();
        for (Line l : withId) {
            RosterStore.Known k = known.get(l.idNumber());
            if (k == null) {
                continue;
            }
            if (!actor.can(Permission.DEPUTY_WRITE, k.orgId())) {
                errors.add(new RowError(l.row(), "roster.row.idNumberForeign"));
            } else if (!sameName(k.name(), l.name())) {
                errors.add(new RowError(l.row(), "roster.row.idNumberOtherName", k.name()));
            } else if (knownSeats.getOrDefault(k.id(), List.of()).contains(l.seatKey())) {
                errors.add(new RowError(l.row(), "roster.row.seatExists", l.seat().level().label(),
                        String.valueOf(l.seat().termNo())));
            } else {
                addTo.put(l.row(), k.id());
                continue;
            }
            bad.add(l.row());
        }

        // New people: the same name with the same seat in the same unit is the same deputy, unless both
        // rows carry (different) ID numbers. Catches a file uploaded twice when ID numbers are left out.
        List<Line> newcomers = lines.stream()
                .filter(l -> !addTo.containsKey(l.row()) && !bad.contains(l.row()))
                .filter(l -> l.idNumber() == null || firstById.get(l.idNumber()).intValue() == l.row())
                .toList();
        Map<List<Object>, Line> firstBySeat = new HashMap<>();
        for (Line l : newcomers) {
            List<Object> key = List.of(l.homeId(), l.name(), l.seatKey());
            Line first = firstBySeat.putIfAbsent(key, l);
            if (first != null && (first.idNumber() == null || l.idNumber() == null)) {
                errors.add(new RowError(l.row(), "roster.row.sameNameInFile", l.name(), String.valueOf(first.row())));
            }
        }
        Set<Long> homes = new HashSet<>();
        Set<String> names = new HashSet<>();
        newcomers.forEach(l -> {
            homes.add(l.homeId());
            names.add(l.name());
        });
        List<RosterStore.NamedSeat> registered = store.seatsByName(homes, names);
        for (Line l : newcomers) {
            boolean taken = registered.stream().anyMatch(r -> r.deputy().orgId() == l.homeId()
                    && r.deputy().name().equals(l.name()) && r.seat().equals(l.seatKey())
                    && (r.deputy().idNumber() == null || l.idNumber() == null));
            if (taken) {
                errors.add(new RowError(l.row(), "roster.row.sameNameRegistered", l.name(),
                        l.seat().level().label(), String.valueOf(l.seat().termNo())));
            }
        }
        return addTo;
    }

    private static boolean sameName(String a, String b) {
        return a.replaceAll("\\s+", "").equals(b.replaceAll("\\s+", ""));
    }

    private static Object cell(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

    /** The organisations the file names, each looked up once. */
    private final class OrgLookup {
        private final Map<String, Optional<OrgView>> byCode = new HashMap<>();
        private final Map<Long, OrgView> byId = new HashMap<>();

        Optional<OrgView> byCode(String code) {
            return byCode.computeIfAbsent(code, k -> {
                Optional<OrgView> o = orgs.findByCode(k);
                o.ifPresent(v -> byId.put(v.id(), v));
                return o;
            });
        }

        Map<Long, OrgView> byIds(long[] ids) {
            List<Long> missing = Arrays.stream(ids).boxed().filter(id -> !byId.containsKey(id)).toList();
            if (!missing.isEmpty()) {
                orgs.findAll(missing).forEach(o -> byId.put(o.id(), o));
            }
            return byId;
        }
    }

    /** The cells of one row, each read with its rule; problems go to the error list under the row's number. */
    private static final class Cells {
        private final Xlsx.SheetRow row;
        private final List<RowError> errors;

        Cells(Xlsx.SheetRow row, List<RowError> errors) {
            this.row = row;
            this.errors = errors;
        }

        void error(String key, Object... args) {
            errors.add(new RowError(row.number(), key, args));
        }

        String value(String column) {
            return row.get(column);
        }

        @Nullable String required(String column) {
            String v = row.get(column);
            if (v.isEmpty()) {
                error("roster.row.required", column);
                return null;
            }
            return v;
        }

        @Nullable String text(String column, int max) {
            String v = row.get(column).replaceAll("\\s*[\\r\\n]+\\s*", " ");
            if (v.isEmpty()) {
                return null;
            }
            if (v.length() > max) {
                error("roster.row.tooLong", column, String.valueOf(max));
                return null;
            }
            return v;
        }

        /** A Chinese name padded for alignment ("王  伟") loses its blanks; 阿卜杜拉·艾力 keeps its dot. */
        @Nullable String name() {
            String v = required(NAME);
            if (v == null) {
                return null;
            }
            if (v.replaceAll("\\s+", "").codePoints().allMatch(cp -> Character.UnicodeScript.of(cp)
                    == Character.UnicodeScript.HAN || cp == '·')) {
                v = v.replaceAll("\\s+", "");
            }
            if (v.length() > 50) {
                error("roster.row.tooLong", NAME, "50");
                return null;
            }
            return v;
        }

        @Nullable String gender() {
            String v = row.get(GENDER);
            return switch (v) {
                case "" -> null;
                case "男", "男性" -> "男";
                case "女", "女性" -> "女";
                default -> {
                    error("roster.row.gender", v);
                    yield null;
                }
            };
        }

        @Nullable LocalDate date(String column) {
            String v = row.get(column);
            if (v.isEmpty()) {
                return null;
            }
            Optional<LocalDate> d = RosterCells.date(v);
            if (d.isEmpty()) {
                error("roster.row.date", column, v);
                return null;
            }
            return d.get();
        }

        @Nullable String phone() {
            String v = RosterCells.normalize(row.get(PHONE));
            if (v.isEmpty()) {
                return null;
            }
            if (!ChinesePhone.Validator.accepts(v)) {
                error("roster.row.phone", row.get(PHONE));
                return null;
            }
            return v;
        }

        @Nullable String idNumber() {
            String v = RosterCells.normalize(row.get(ID_NUMBER)).toUpperCase();
            if (v.isEmpty()) {
                return null;
            }
            if (v.matches("[0-9.]+E\\+?[0-9]+")) {
                error("roster.row.idNumberScientific", row.get(ID_NUMBER));
                return null;
            }
            if (!ResidentId.Validator.accepts(v)) {
                error("roster.row.idNumber");
                return null;
            }
            return v;
        }

        @Nullable DeputyLevel level() {
            String v = required(LEVEL);
            if (v == null) {
                return null;
            }
            Optional<DeputyLevel> l = RosterCells.level(v);
            if (l.isEmpty()) {
                error("roster.row.level", v);
                return null;
            }
            return l.get();
        }

        @Nullable Integer termNo() {
            String v = required(TERM);
            if (v == null) {
                return null;
            }
            OptionalInt n = RosterCells.termNo(v);
            if (n.isEmpty()) {
                error("roster.row.term", v);
                return null;
            }
            return n.getAsInt();
        }

        @Nullable Integer year(String column) {
            String v = required(column);
            if (v == null) {
                return null;
            }
            OptionalInt y = RosterCells.year(v);
            if (y.isEmpty() || y.getAsInt() < MIN_YEAR || y.getAsInt() > MAX_YEAR) {
                error("roster.row.year", column, v);
                return null;
            }
            return y.getAsInt();
        }

        /** 当选 when blank; a new seat can only be in office. */
        @Nullable MandateStatus status() {
            String v = row.get(STATUS);
            if (v.isEmpty()) {
                return MandateStatus.ELECTED;
            }
            Optional<MandateStatus> s = MandateStatus.parse(v).filter(MandateStatus::inOffice);
            if (s.isEmpty()) {
                error("roster.row.status", v);
                return null;
            }
            return s.get();
        }
    }
}
