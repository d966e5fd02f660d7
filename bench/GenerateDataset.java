import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Benchmark dataset generator for Renda: an organisation tree, deputies with seats and status history,
 * duty records with evidence, commitments, grids, and staff accounts with a known password, written
 * straight into the module tables with PostgreSQL COPY (no audit entries, no events: a benchmark tool,
 * not a way to load real data).
 *
 * <p>Run against a database whose schema the application has already migrated (start the app once with
 * the postgres profile and RENDA_BOOTSTRAP_ADMIN_PASSWORD): see bench/README.md and bench/generate.sh.
 *
 * <pre>
 *   java -cp postgresql.jar bench/GenerateDataset.java --size county \
 *        --url jdbc:postgresql://127.0.0.1:5432/renda_bench --user postgres [--seed 42] \
 *        [--deputies N] [--records N] [--vars-out bench/out/county.vars]
 * </pre>
 *
 * Deterministic for a given seed and size (dates are relative to --today, default the current date).
 */
public class GenerateDataset {

    /** The password of every account the generator creates. */
    static final String PASSWORD = "bench-Renda-2026";
    /** BCrypt (cost 10) of {@link #PASSWORD}, computed once with spring-security-crypto's BCryptPasswordEncoder. */
    static final String PASSWORD_HASH = "{bcrypt}$2a$10$dvyPis2LXAbEyNzkQxPYF.IRthWu3kdF9lf3sXfdQz2hP8wckGxvq";

    static final int TERM = 18;
    static final int TERM_START = 2021;
    static final int TERM_END = 2026;
    static final LocalDate ELECTED_ON = LocalDate.of(TERM_START, 12, 28);

    /** The shape of a dataset. Counts of counties, towns and villages are totals over the whole tree. */
    record Size(String name, int cities, int counties, int towns, int villagesPerTown, int deputies, int records,
            int grids) {}

    static final Map<String, Size> SIZES = Map.of(
            "town", new Size("town", 1, 1, 1, 14, 70, 2_500, 28),
            "county", new Size("county", 1, 1, 20, 15, 1_500, 50_000, 300),
            "province", new Size("province", 14, 100, 1_600, 15, 100_000, 3_000_000, 24_000));

    // ------------------------------------------------------------------------------------------------

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = parse(args);
        Size base = SIZES.get(opt.getOrDefault("size", "county"));
        if (base == null) {
            throw new IllegalArgumentException("--size must be town, county or province");
        }
        Size size = new Size(base.name(), base.cities(), base.counties(), base.towns(), base.villagesPerTown(),
                Integer.parseInt(opt.getOrDefault("deputies", String.valueOf(base.deputies()))),
                Integer.parseInt(opt.getOrDefault("records", String.valueOf(base.records()))),
                Integer.parseInt(opt.getOrDefault("grids", String.valueOf(base.grids()))));
        String url = opt.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/renda_bench");
        String user = opt.getOrDefault("user", "postgres");
        String password = opt.getOrDefault("password", "");
        long seed = Long.parseLong(opt.getOrDefault("seed", "42"));
        LocalDate today = LocalDate.parse(opt.getOrDefault("today", LocalDate.now().toString()));
        Path varsOut = Path.of(opt.getOrDefault("vars-out", "bench/out/" + size.name() + ".vars"));

        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            GenerateDataset g = new GenerateDataset(c, size, new Random(seed), today);
            g.run();
            c.commit();
            long tLoad = System.nanoTime();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                // Vacuum too, so the visibility map is set as autovacuum would have it (index-only scans).
                for (String t : TABLES) {
                    s.execute("vacuum (analyze) " + t);
                }
            }
            long tEnd = System.nanoTime();
            g.writeVars(varsOut);
            g.printSummary();
            System.out.printf(Locale.ROOT, "generated %s in %.1f s (load %.1f s, vacuum analyze %.1f s); vars in %s%n",
                    size.name(), (tEnd - t0) / 1e9, (tLoad - t0) / 1e9, (tEnd - tLoad) / 1e9, varsOut);
        }
    }

    static final List<String> TABLES = List.of("organisation", "app_user", "role_grant", "deputy", "deputy_mandate",
            "mandate_status_change", "duty_record", "duty_evidence", "commitment", "grid", "deputy_grid");

    private static Map<String, String> parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            String key = a.substring(2);
            int eq = key.indexOf('=');
            if (eq >= 0) {
                m.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (key.equals("help")) {
                System.out.println("usage: GenerateDataset --size town|county|province --url jdbc:postgresql://... "
                        + "[--user postgres] [--password x] [--seed 42] [--today 2026-11-22] [--deputies N] "
                        + "[--records N] [--grids N] [--vars-out path]");
                System.exit(0);
            } else {
                m.put(key, args[++i]);
            }
        }
        return m;
    }

    // ------------------------------------------------------------------------------------------------

    record Org(long id, String code, String name, String type, long parentId, String path, int depth) {}

    /** A town with its villages (and the county and city above it). */
    record TownRef(Org city, Org county, Org town, List<Org> villages, double weight) {}

    /** A deputy as generated: home organisation, town, whether only a county deputy, and how active. */
    record Dep(long id, long orgId, Org home, TownRef town, String name, boolean countyOnly, boolean byElected,
            boolean inOffice, double activity, LocalDate activeFrom, LocalDate activeTo, String constituency,
            String group) {}

    private final Connection c;
    private final Size size;
    private final Random rnd;
    private final LocalDate today;
    private final OffsetDateTime now;

    private Org root;
    private final List<Org> cities = new ArrayList<>();
    private final List<Org> counties = new ArrayList<>();
    private final List<TownRef> towns = new ArrayList<>();
    private final List<Org> newOrgs = new ArrayList<>();
    private final List<Dep> deputies = new ArrayList<>();
    private final Map<Long, List<long[]>> gridsByVillage = new HashMap<>(); // village id -> [grid id]
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, Long> byStatus = new LinkedHashMap<>();
    private long benchDeputyUserLinked = -1;

    GenerateDataset(Connection c, Size size, Random rnd, LocalDate today) {
        this.c = c;
        this.size = size;
        this.rnd = rnd;
        this.today = today;
        this.now = today.atTime(9, 0).atOffset(ZoneOffset.ofHours(8));
    }

    void run() throws SQLException, IOException {
        root = findRoot();
        checkFresh();
        buildTree();
        copyOrgs();
        buildDeputies();
        copyDeputiesAndSeats();
        copyGrids();
        copyDuties();
        copyCommitments();
        copyUsers();
    }

    // --- organisation tree -----------------------------------------------------------------------

    private Org findRoot() throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id, code, name, type, path, depth from organisation"
                        + " where parent_id is null order by sort_order, code")) {
            if (!rs.next()) {
                throw new IllegalStateException("No root organisation: start the app once against this database "
                        + "with RENDA_BOOTSTRAP_ADMIN_PASSWORD (and RENDA_BOOTSTRAP_ROOT_TYPE=PROVINCE) first.");
            }
            Org r = new Org(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), 0, rs.getString(5),
                    rs.getInt(6));
            if (size.name().equals("province") && !r.type().equals("PROVINCE")) {
                throw new IllegalStateException("--size province needs a PROVINCE root "
                        + "(RENDA_BOOTSTRAP_ROOT_TYPE=PROVINCE on the first start); the root is " + r.type());
            }
            if (!Set.of("PROVINCE", "CITY", "COUNTY").contains(r.type())) {
                throw new IllegalStateException("unexpected root type " + r.type());
            }
            return r;
        }
    }

    private void checkFresh() throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select (select count(*) from organisation where code like 'B-%'),"
                        + " (select count(*) from app_user where username like 'bench.%'),"
                        + " (select count(*) from deputy)")) {
            rs.next();
            if (rs.getLong(1) > 0 || rs.getLong(2) > 0 || rs.getLong(3) > 0) {
                throw new IllegalStateException("This database already holds generated data or deputies; "
                        + "drop and recreate it (bench/run-deputy-bench.sh does) before generating again.");
            }
        }
    }

    private long reserve(String table, int n) throws SQLException {
        if (n == 0) {
            return 0;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select nextval(pg_get_serial_sequence('" + table + "', 'id'))")) {
            rs.next();
            long first = rs.getLong(1);
            try (PreparedStatement p = c.prepareStatement(
                    "select setval(pg_get_serial_sequence('" + table + "', 'id'), ?)")) {
                p.setLong(1, first + n - 1);
                p.execute();
            }
            return first;
        }
    }

    private long nextOrgId;

    private Org org(String code, String name, String type, Org parent) {
        long id = nextOrgId++;
        Org o = new Org(id, code, name, type, parent.id(), parent.path() + id + "/", parent.depth() + 1);
        newOrgs.add(o);
        return o;
    }

    private void buildTree() throws SQLException {
        int villagesTotal = size.towns() * size.villagesPerTown() + size.towns(); // upper bound with spread
        int upper = size.cities() + size.counties() + size.towns() + villagesTotal + size.towns();
        nextOrgId = reserve("organisation", upper);
        long firstId = nextOrgId;
        // Cities and counties: reuse the root where it already is one.
        List<Org> countyList = new ArrayList<>();
        if (root.type().equals("COUNTY")) {
            countyList.add(root);
        } else {
            List<Org> cityList = new ArrayList<>();
            if (root.type().equals("CITY")) {
                cityList.add(root);
            } else {
                for (int i = 1; i <= size.cities(); i++) {
                    cityList.add(org("B-C%02d".formatted(i), placeName(2) + "市", "CITY", root));
                }
            }
            cities.addAll(cityList);
            for (int k = 0; k < size.counties(); k++) {
                Org city = cityList.get(k % cityList.size());
                countyList.add(org("B-K%03d".formatted(k + 1), placeName(2) + (k % 7 == 3 ? "区" : "县"), "COUNTY",
                        city));
            }
        }
        counties.addAll(countyList);
        // Towns (a few streets), spread evenly over the counties, and their villages (some communities).
        for (int t = 0; t < size.towns(); t++) {
            Org county = countyList.get(t % countyList.size());
            Org city = county.parentId() == 0 ? root : cities.stream().filter(x -> x.id() == county.parentId())
                    .findFirst().orElse(root);
            boolean street = t % 10 == 7;
            Org town = org("B-T%04d".formatted(t + 1), placeName(2) + (street ? "街道" : "镇"),
                    street ? "STREET" : "TOWN", county);
            int nv = size.villagesPerTown() + (size.towns() == 1 ? 0 : rnd.nextInt(7) - 3);
            List<Org> villages = new ArrayList<>();
            for (int v = 0; v < nv; v++) {
                boolean community = street ? v % 2 == 0 : v % 9 == 8;
                villages.add(org("B-T%04d-V%02d".formatted(t + 1, v + 1), placeName(2) + (community ? "社区" : "村"),
                        community ? "COMMUNITY" : "VILLAGE", town));
            }
            towns.add(new TownRef(city, county, town, villages, 0.6 + 0.8 * rnd.nextDouble()));
        }
        if (nextOrgId - firstId > upper) {
            throw new IllegalStateException("reserved too few organisation ids");
        }
        counts.put("organisation", (long) newOrgs.size());
    }

    private void copyOrgs() throws SQLException, IOException {
        Map<Long, Integer> order = new HashMap<>();
        try (Copy cp = copy("organisation (id, code, name, type, parent_id, path, depth, sort_order, active, version,"
                + " created_at, updated_at)")) {
            for (Org o : newOrgs) {
                int so = order.merge(o.parentId(), 1, Integer::sum);
                cp.row(o.id(), o.code(), o.name(), o.type(), o.parentId(), o.path(), o.depth(), so * 10, true, 0, now,
                        now);
            }
        }
    }

    // --- deputies, seats, status history --------------------------------------------------------

    private void buildDeputies() throws SQLException {
        long id = reserve("deputy", size.deputies());
        // Deputies per county in proportion to its towns' weights; ~7% of a county's deputies hold only a
        // county seat, the rest are town deputies (some of them county deputies too).
        int[] perTown = apportion(towns.stream().mapToDouble(TownRef::weight).toArray(), size.deputies());
        int townCount = towns.size();
        for (int t = 0; t < townCount; t++) {
            TownRef tr = towns.get(t);
            int n = perTown[t];
            int countyOnly = (int) Math.round(n * 0.07);
            double[] vw = new double[tr.villages().size()];
            for (int v = 0; v < vw.length; v++) {
                vw[v] = 0.5 + rnd.nextDouble();
            }
            for (int k = 0; k < n; k++) {
                boolean onlyCounty = k < countyOnly;
                Org home;
                if (onlyCounty || rnd.nextDouble() < 0.08 || tr.villages().isEmpty()) {
                    home = tr.town();
                } else {
                    home = tr.villages().get(pick(vw));
                }
                int constituency = 1 + rnd.nextInt(Math.max(1, tr.villages().size()));
                String group = "第" + CN_NUM[1 + (constituency - 1) % 4] + "代表小组";
                // Seat status decides the active window; most were elected at the start of the term.
                boolean ended = rnd.nextDouble() < 0.035;
                boolean byElected = !ended && rnd.nextDouble() < 0.026;
                LocalDate from = byElected ? randomDate(LocalDate.of(2023, 1, 1), today.minusDays(60)) : ELECTED_ON;
                LocalDate to = ended ? randomDate(LocalDate.of(2022, 6, 1), today.minusDays(30)) : today.minusDays(1);
                double activity = Math.exp(rnd.nextGaussian() * 0.7) * (ended ? 0.4 : 1.0);
                deputies.add(new Dep(id++, home.id(), home, tr, personName(), onlyCounty, byElected, !ended, activity,
                        from, to, "第" + constituency + "选区", onlyCounty ? tr.county().name() + "代表团" : group));
            }
        }
        counts.put("deputy", (long) deputies.size());
    }

    private void copyDeputiesAndSeats() throws SQLException, IOException {
        Set<String> codes = new HashSet<>();
        Set<String> idNumbers = new HashSet<>();
        // Seats first in memory so the mandate ids can be reserved in one go.
        record SeatRow(long deputyId, long orgId, long congress, String level, int term, int start, int end,
                String constituency, String group, String station, String card, String status, LocalDate since,
                LocalDate electedOn, String document, String endNote) {}
        List<SeatRow> seats = new ArrayList<>();
        Map<String, Integer> cardSeq = new HashMap<>();
        try (Copy cp = copy("deputy (id, org_id, name, gender, birth_date, ethnicity, party, education, occupation,"
                + " workplace, phone, id_number, bio, public_code, nameplate_active, nameplate_reason,"
                + " nameplate_changed_on, version, created_at, updated_at)")) {
            for (Dep d : deputies) {
                String group = d.group();
                boolean onlyCounty = d.countyOnly();
                boolean byElected = d.byElected();
                boolean female = rnd.nextDouble() < 0.33;
                LocalDate birth = LocalDate.of(1958 + rnd.nextInt(40), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
                String occupation = OCCUPATIONS[pick(OCCUPATION_WEIGHTS)];
                String workplace = occupation.startsWith("村") ? d.home().name() + "村民委员会"
                        : occupation.contains("教师") ? d.town().town().name() + "中心小学"
                        : occupation.contains("医生") ? d.home().name() + "卫生室"
                        : occupation.contains("企业") ? placeName(2) + "实业有限公司" : null;
                String idNumber;
                do {
                    idNumber = idNumber(birth, female);
                } while (!idNumbers.add(idNumber));
                String code;
                do {
                    code = publicCode();
                } while (!codes.add(code));
                boolean nameplate = rnd.nextDouble() >= 0.01 || !d.inOffice();
                cp.row(d.id(), d.orgId(), d.name(), female ? "女" : "男", birth,
                        rnd.nextDouble() < 0.94 ? "汉族" : ETHNIC[rnd.nextInt(ETHNIC.length)],
                        rnd.nextDouble() < 0.68 ? "中共党员" : rnd.nextDouble() < 0.1 ? "民主党派" : "群众",
                        EDUCATION[pick(EDUCATION_WEIGHTS)], occupation, workplace,
                        "1" + (3 + rnd.nextInt(7)) + "%09d".formatted(rnd.nextInt(1_000_000_000)), idNumber,
                        rnd.nextDouble() < 0.2 ? "长期扎根基层，热心为群众办实事。" : null, code, nameplate,
                        nameplate ? null : "年度履职评议不满意，予以摘牌", nameplate ? null : today.minusDays(40),
                        0, ELECTED_ON.atTime(10, 0).atOffset(ZoneOffset.ofHours(8)), now);

                TownRef tr = d.town();
                String status = !d.inOffice() ? ENDED[pick(ENDED_WEIGHTS)] : byElected ? "BY_ELECTED" : "ELECTED";
                LocalDate since = d.inOffice() ? d.activeFrom() : d.activeTo();
                String endNote = d.inOffice() ? null : switch (status) {
                    case "RESIGNED" -> "因工作调动辞去代表职务";
                    case "REMOVED" -> "经原选区选民依法罢免";
                    default -> "因迁出本行政区域，代表资格终止";
                };
                String townName = tr.town().name();
                String countyName = tr.county().name();
                if (!onlyCounty) {
                    String card = "T" + tr.town().id() + "-" + cardSeq.merge("T" + tr.town().id(), 1, Integer::sum);
                    seats.add(new SeatRow(d.id(), d.orgId(), tr.town().id(), "TOWN", TERM, TERM_START, TERM_END,
                            d.constituency(), group, townName + "人大代表联络站", card, status, since, d.activeFrom(),
                            (byElected ? townName + "第十八届人民代表大会补选结果公告"
                                    : townName + "第十八届人民代表大会代表名单公告"), endNote));
                    if (rnd.nextDouble() < 0.27) {
                        seats.add(new SeatRow(d.id(), d.orgId(), tr.town().id(), "TOWN", TERM - 1, TERM_START - 5,
                                TERM_START, d.constituency(), group, townName + "人大代表联络站", null, "TERM_ENDED",
                                LocalDate.of(TERM_START, 12, 27), LocalDate.of(TERM_START - 5, 12, 20),
                                townName + "第十七届人民代表大会代表名单公告", null));
                    }
                    if (rnd.nextDouble() < 0.11 && !byElected) {
                        seats.add(new SeatRow(d.id(), d.orgId(), tr.county().id(), "COUNTY", TERM, TERM_START,
                                TERM_END, townName + "选区", townName + "代表组", null,
                                "K" + tr.county().id() + "-" + cardSeq.merge("K" + tr.county().id(), 1, Integer::sum),
                                d.inOffice() ? "ELECTED" : status, since, ELECTED_ON.minusDays(38),
                                countyName + "第十八届人民代表大会代表名单公告", endNote));
                    }
                } else {
                    seats.add(new SeatRow(d.id(), d.orgId(), tr.county().id(), "COUNTY", TERM, TERM_START, TERM_END,
                            townName + "选区", group, null,
                            "K" + tr.county().id() + "-" + cardSeq.merge("K" + tr.county().id(), 1, Integer::sum),
                            status, since, d.activeFrom(), countyName + "第十八届人民代表大会代表名单公告", endNote));
                    if (rnd.nextDouble() < 0.3) {
                        seats.add(new SeatRow(d.id(), d.orgId(), tr.county().id(), "COUNTY", TERM - 1,
                                TERM_START - 5, TERM_START, townName + "选区", group, null, null, "TERM_ENDED",
                                LocalDate.of(TERM_START, 11, 19), LocalDate.of(TERM_START - 5, 11, 18),
                                countyName + "第十七届人民代表大会代表名单公告", null));
                    }
                    if (rnd.nextDouble() < 0.06 && tr.city().type().equals("CITY")) {
                        seats.add(new SeatRow(d.id(), d.orgId(), tr.city().id(), "CITY", 16, TERM_START + 1,
                                TERM_START + 6, countyName + "选区", countyName + "代表团", null, null, status, since,
                                LocalDate.of(TERM_START + 1, 1, 5), tr.city().name() + "第十六届人民代表大会代表名单公告",
                                endNote));
                    }
                }
            }
        }
        long seatId = reserve("deputy_mandate", seats.size());
        int changes = 0;
        for (SeatRow s : seats) {
            changes += s.status().equals("ELECTED") || s.status().equals("BY_ELECTED") ? 1 : 2;
        }
        long changeId = reserve("mandate_status_change", changes);
        try (Copy m = copy("deputy_mandate (id, deputy_id, org_id, congress_org_id, level, term_no, term_start,"
                + " term_end, constituency, deputy_group, station, card_number, status, status_since, version)");
                Copy h = copy("mandate_status_change (id, mandate_id, org_id, status, effective_on, document, note,"
                        + " recorded_by, recorded_at)", m)) {
            for (SeatRow s : seats) {
                long sid = seatId++;
                boolean open = s.status().equals("ELECTED") || s.status().equals("BY_ELECTED");
                m.row(sid, s.deputyId(), s.orgId(), s.congress(), s.level(), s.term(), s.start(), s.end(),
                        s.constituency(), s.group(), s.station(), s.card(), s.status(), s.since(), open ? 0 : 1);
                String initial = s.status().equals("BY_ELECTED") ? "BY_ELECTED" : "ELECTED";
                h.row(changeId++, sid, s.orgId(), initial, s.electedOn(), s.document(), null, "bench.gen",
                        s.electedOn().atTime(16, 0).atOffset(ZoneOffset.ofHours(8)));
                if (!open) {
                    h.row(changeId++, sid, s.orgId(), s.status(), s.since(),
                            s.status().equals("TERM_ENDED") ? null : "主席团关于代表资格的决定", s.endNote(), "bench.gen",
                            s.since().atTime(16, 0).atOffset(ZoneOffset.ofHours(8)));
                }
            }
        }
        counts.put("deputy_mandate", (long) seats.size());
        counts.put("mandate_status_change", (long) changes);
    }

    // --- grids ------------------------------------------------------------------------------------

    private void copyGrids() throws SQLException, IOException {
        List<Org> villages = towns.stream().flatMap(t -> t.villages().stream()).toList();
        if (villages.isEmpty() || size.grids() == 0) {
            return;
        }
        long id = reserve("grid", size.grids());
        int links = 0;
        try (Copy g = copy("grid (id, org_id, name, households, voters)")) {
            for (int i = 0; i < size.grids(); i++) {
                Org v = villages.get(i % villages.size());
                List<long[]> list = gridsByVillage.computeIfAbsent(v.id(), k -> new ArrayList<>());
                int households = 15 + rnd.nextInt(40);
                long gid = id++;
                list.add(new long[] {gid});
                g.row(gid, v.id(), "第" + CN_NUM[Math.min(list.size(), CN_NUM.length - 1)] + "网格", households,
                        households * 2 + rnd.nextInt(households + 1));
            }
        }
        try (Copy dg = copy("deputy_grid (deputy_id, grid_id, org_id)")) { // grids were flushed above
            for (Dep d : deputies) {
                List<long[]> gs = gridsByVillage.get(d.orgId());
                if (gs == null || !d.inOffice()) {
                    continue;
                }
                int first = rnd.nextInt(gs.size());
                dg.row(d.id(), gs.get(first)[0], d.orgId());
                links++;
                if (gs.size() > 1 && rnd.nextDouble() < 0.1) {
                    dg.row(d.id(), gs.get((first + 1) % gs.size())[0], d.orgId());
                    links++;
                }
            }
        }
        counts.put("grid", (long) size.grids());
        counts.put("deputy_grid", (long) links);
    }

    // --- duty records and evidence ----------------------------------------------------------------

    private void copyDuties() throws SQLException, IOException {
        double[] w = deputies.stream().mapToDouble(Dep::activity).toArray();
        int[] perDeputy = apportion(w, size.records());
        long id = reserve("duty_record", size.records());
        long evidenceId = reserve("duty_evidence", size.records() * 3);
        long firstEvidence = evidenceId;
        LocalDate firstDay = LocalDate.of(TERM_START + 1, 1, 4);
        String[] staff = {"bench.county", "bench.town"};
        try (Copy r = copy("duty_record (id, deputy_id, org_id, type, occurred_on, title, content, place, status,"
                + " review_note, recorded_by, reviewed_by, reviewed_at, created_at, version)");
                Copy e = copy("duty_evidence (id, record_id, org_id, file_name, content_type, size_bytes, data,"
                        + " created_at)", r)) {
            for (int i = 0; i < deputies.size(); i++) {
                Dep d = deputies.get(i);
                LocalDate from = d.activeFrom().isBefore(firstDay) ? firstDay : d.activeFrom();
                LocalDate to = d.activeTo().isAfter(today.minusDays(1)) ? today.minusDays(1) : d.activeTo();
                if (to.isBefore(from)) {
                    to = from;
                }
                String selfName = "d" + d.id();
                for (int k = 0; k < perDeputy[i]; k++) {
                    int t = pick(TYPE_WEIGHTS);
                    String type = TYPES[t];
                    LocalDate on = dateFor(type, from, to);
                    long age = ChronoUnit.DAYS.between(on, today);
                    double u = rnd.nextDouble();
                    // ~85% verified overall: staff-entered records (a fifth) are verified on entry, a deputy's
                    // own waits for review, so most of the queue is recent.
                    String status = age <= 60 ? (u < 0.55 ? "SUBMITTED" : u < 0.95 ? "VERIFIED" : "REJECTED")
                            : (u < 0.82 ? "VERIFIED" : u < 0.94 ? "SUBMITTED" : "REJECTED");
                    boolean byStaff = rnd.nextDouble() < 0.2;
                    if (byStaff) {
                        status = "VERIFIED";
                    }
                    String recorder = byStaff ? staff[rnd.nextInt(2)] : selfName;
                    OffsetDateTime created = on.plusDays(rnd.nextInt(4)).atTime(8 + rnd.nextInt(12), rnd.nextInt(60))
                            .atOffset(ZoneOffset.ofHours(8));
                    boolean reviewed = !status.equals("SUBMITTED");
                    String place = switch (type) {
                        case "RECEPTION", "STATION_DUTY" -> d.town().town().name() + "人大代表联络站";
                        case "ATTEND_CONGRESS", "TRAINING" -> d.town().county().name() + "人大常委会会议室";
                        default -> d.home().name();
                    };
                    long rid = id++;
                    r.row(rid, d.id(), d.orgId(), type, on, title(type, d, on), content(type, d, on), place, status,
                            status.equals("REJECTED") ? REJECT_NOTES[rnd.nextInt(REJECT_NOTES.length)] : null,
                            recorder, reviewed ? (byStaff ? recorder : staff[rnd.nextInt(2)]) : null,
                            reviewed ? created.plusHours(2 + rnd.nextInt(96)) : null, created,
                            reviewed && !byStaff ? 1 : 0);
                    byStatus.merge(status, 1L, Long::sum);
                    if (rnd.nextDouble() < 0.35) {
                        int files = 1 + rnd.nextInt(3);
                        for (int f = 0; f < files; f++) {
                            e.row(evidenceId++, rid, d.orgId(), "IMG_%s_%d.png".formatted(on.toString().replace("-", ""),
                                    f + 1), "image/png", 180_000 + rnd.nextInt(2_000_000), TINY_PNG, created);
                        }
                    }
                }
            }
        }
        counts.put("duty_record", (long) size.records());
        counts.put("duty_evidence", evidenceId - firstEvidence);
        // Give back the unused evidence ids so the sequence continues right after the last one.
        try (PreparedStatement p = c.prepareStatement(
                "select setval(pg_get_serial_sequence('duty_evidence', 'id'), ?)")) {
            p.setLong(1, Math.max(1, evidenceId - 1));
            p.execute();
        }
    }

    /** Sessions of congress fall in the first quarter, reports to voters in the last; the rest any time. */
    private LocalDate dateFor(String type, LocalDate from, LocalDate to) {
        for (int attempt = 0; attempt < 4; attempt++) {
            LocalDate d = randomDate(from, to);
            if (type.equals("ATTEND_CONGRESS") && d.getMonthValue() > 3) {
                d = d.withMonth(1 + rnd.nextInt(3));
            } else if (type.equals("REPORT_TO_VOTERS") && d.getMonthValue() < 10) {
                d = d.withMonth(10 + rnd.nextInt(3));
            } else if (type.equals("WRITTEN_REPORT") && d.getMonthValue() != 12) {
                d = d.withMonth(12);
            }
            if (!d.isBefore(from) && !d.isAfter(to)) {
                return d;
            }
        }
        return randomDate(from, to);
    }

    private String title(String type, Dep d, LocalDate on) {
        String topic = TOPICS[rnd.nextInt(TOPICS.length)];
        return switch (type) {
            case "ATTEND_CONGRESS" -> "出席" + d.town().town().name() + "第十八届人民代表大会第" + CN_NUM[1 + (on.getYear() - 2021) % 9]
                    + "次会议";
            case "PROPOSAL" -> "提出关于" + topic + "的建议";
            case "INSPECTION" -> (rnd.nextBoolean() ? "视察" : "调研") + topic + "工作";
            case "TRAINING" -> "参加" + d.town().county().name() + "人大代表履职培训班";
            case "RECEPTION" -> "在联络站接待选民";
            case "COLLECT_DEMANDS" -> "走访网格农户收集" + topic + "方面意见";
            case "REPORT_TO_VOTERS" -> "向" + d.constituency() + "选民述职";
            case "WRITTEN_REPORT" -> "提交" + on.getYear() + "年度书面履职报告";
            case "STATION_DUTY" -> "进站值班接待群众";
            case "GROUP_ACTIVITY" -> "参加代表小组" + topic + "专题活动";
            default -> "参与" + topic + "志愿服务";
        };
    }

    private String content(String type, Dep d, LocalDate on) {
        if (rnd.nextDouble() < 0.15) {
            return null;
        }
        int people = 3 + rnd.nextInt(40);
        int items = 1 + rnd.nextInt(8);
        String topic = TOPICS[rnd.nextInt(TOPICS.length)];
        return on.getMonthValue() + "月" + on.getDayOfMonth() + "日，" + d.name() + "代表在" + d.home().name()
                + (type.equals("RECEPTION") || type.equals("STATION_DUTY") ? "接待选民" + people + "人次，" : "开展活动，")
                + "收集" + topic + "等方面意见建议" + items + "条，" + (rnd.nextBoolean()
                        ? "已现场答复" + rnd.nextInt(items + 1) + "条，其余转交镇人大主席团办理。"
                        : "形成书面材料报送有关部门，并将跟踪办理结果向群众反馈。");
    }

    // --- commitments --------------------------------------------------------------------------------

    private void copyCommitments() throws SQLException, IOException {
        List<Object[]> rows = new ArrayList<>();
        for (Dep d : deputies) {
            if (!d.inOffice()) {
                continue;
            }
            for (int year : new int[] {today.getYear() - 1, today.getYear()}) {
                if (rnd.nextDouble() >= 0.7) {
                    continue;
                }
                int n = 1 + rnd.nextInt(3);
                for (int s = 1; s <= n; s++) {
                    String topic = TOPICS[rnd.nextInt(TOPICS.length)];
                    double u = rnd.nextDouble();
                    String status = year < today.getYear() ? (u < 0.82 ? "DONE" : u < 0.92 ? "NOT_DONE" : "IN_PROGRESS")
                            : (u < 0.25 ? "PROMISED" : u < 0.8 ? "IN_PROGRESS" : "DONE");
                    rows.add(new Object[] {d.id(), d.orgId(), year, s, "推动解决" + d.home().name() + topic + "问题",
                            "走访群众，提出建议并跟踪落实。", status.equals("PROMISED") ? null : "已与有关部门对接，正在推进。",
                            status, status.equals("DONE") ? "已办结，群众满意。" : status.equals("NOT_DONE") ? "受资金所限，转入下一年度。" : null,
                            0, now});
                }
            }
        }
        long id = reserve("commitment", rows.size());
        try (Copy cp = copy("commitment (id, deputy_id, org_id, for_year, seq, title, detail, progress, status, result,"
                + " version, updated_at)")) {
            for (Object[] r : rows) {
                Object[] full = new Object[r.length + 1];
                full[0] = id++;
                System.arraycopy(r, 0, full, 1, r.length);
                cp.row(full);
            }
        }
        counts.put("commitment", (long) rows.size());
    }

    // --- accounts -----------------------------------------------------------------------------------

    record Account(String username, String displayName, long orgId, String role, Long deputyId) {}

    private final List<Account> accounts = new ArrayList<>();

    private void copyUsers() throws SQLException, IOException {
        TownRef firstTown = towns.get(0);
        Org county = firstTown.county();
        accounts.add(new Account("bench.county", "县人大办（基准）", county.id(), "STAFF", null));
        accounts.add(new Account("bench.town", "镇人大（基准）", firstTown.town().id(), "STAFF", null));
        if (size.name().equals("province")) {
            accounts.add(new Account("bench.province", "省人大（基准）", root.id(), "STAFF", null));
        }
        Dep deputy = deputies.stream().filter(d -> d.town() == firstTown && d.inOffice()).findFirst().orElse(null);
        if (deputy != null) {
            accounts.add(new Account("bench.deputy", deputy.name(), deputy.orgId(), "DEPUTY", deputy.id()));
        }
        long userId = reserve("app_user", accounts.size());
        long grantId = reserve("role_grant", accounts.size());
        try (Copy u = copy("app_user (id, org_id, username, display_name, password_hash, enabled,"
                + " password_changed_at, version, created_at, updated_at)");
                Copy g = copy("role_grant (id, user_id, role, org_id)", u)) {
            for (Account a : accounts) {
                long uid = userId++;
                u.row(uid, a.orgId(), a.username(), a.displayName(), PASSWORD_HASH, true, now, 0, now, now);
                // A deputy's grant sits on their town, so they read their congress's register.
                g.row(grantId++, uid, a.role(), a.role().equals("DEPUTY") ? firstTown.town().id() : a.orgId());
                if (a.deputyId() != null) {
                    benchDeputyUserLinked = a.deputyId();
                    deputyUserId = uid;
                }
            }
        }
        if (deputyUserId > 0) {
            try (PreparedStatement p = c.prepareStatement("update deputy set user_id = ? where id = ?")) {
                p.setLong(1, deputyUserId);
                p.setLong(2, benchDeputyUserLinked);
                p.executeUpdate();
            }
        }
        counts.put("app_user", (long) accounts.size());
    }

    private long deputyUserId = -1;

    // --- output ---------------------------------------------------------------------------------------

    /** Ids and values the load scenarios pick from, for the county of bench.county. */
    void writeVars(Path file) throws IOException {
        Org county = towns.get(0).county();
        List<TownRef> countyTowns = towns.stream().filter(t -> t.county() == county).toList();
        List<Dep> countyDeps = deputies.stream().filter(d -> d.town().county() == county).toList();
        long townTerm = countyDeps.stream().filter(d -> !d.countyOnly()).count();
        Map<String, Long> surnameCount = countyDeps.stream().collect(
                Collectors.groupingBy(d -> d.name().substring(0, 1), Collectors.counting()));
        List<String> topSurnames = surnameCount.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12).map(Map.Entry::getKey)
                .toList();
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.println("# written by bench/GenerateDataset.java --size " + size.name() + " on " + today);
            w.println("size=" + size.name());
            w.println("user=bench.county");
            w.println("townUser=bench.town");
            w.println("deputyUser=bench.deputy");
            w.println("password=" + PASSWORD);
            w.println("countyId=" + county.id());
            w.println("townIds=" + countyTowns.stream().map(t -> String.valueOf(t.town().id()))
                    .collect(Collectors.joining(",")));
            w.println("firstTownId=" + towns.get(0).town().id());
            w.println("surnames=" + String.join(",", topSurnames));
            w.println("townTermPages=" + Math.max(1, (townTerm + 49) / 50));
            w.println("allPages=" + Math.max(1, (countyDeps.size() + 49) / 50));
            w.println("deputyIds=" + countyDeps.stream().map(d -> String.valueOf(d.id()))
                    .collect(Collectors.joining(",")));
            Dep busiest = countyDeps.stream().max((a, b) -> Double.compare(a.activity(), b.activity())).orElseThrow();
            w.println("busiestDeputyId=" + busiest.id());
        }
    }

    void printSummary() {
        System.out.println("size " + size.name() + ": " + cities.size() + " cities, " + counties.size()
                + " counties, " + towns.size() + " towns, "
                + towns.stream().mapToInt(t -> t.villages().size()).sum() + " villages/communities");
        counts.forEach((t, n) -> System.out.printf(Locale.ROOT, "  %-22s %,10d%n", t, n));
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        byStatus.forEach((s, n) -> System.out.printf(Locale.ROOT, "  duty %-17s %,10d  (%.1f%%)%n", s, n,
                100.0 * n / Math.max(1, total)));
        System.out.println("accounts (password " + PASSWORD + "): "
                + accounts.stream().map(a -> a.username() + "=" + a.role() + "@" + a.orgId())
                        .collect(Collectors.joining(", ")));
    }

    // --- helpers --------------------------------------------------------------------------------------

    /** Splits total into integer parts proportional to the weights (largest remainder). */
    private int[] apportion(double[] weights, int total) {
        double sum = 0;
        for (double x : weights) {
            sum += x;
        }
        int[] out = new int[weights.length];
        double[] rem = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            out[i] = (int) Math.floor(exact);
            rem[i] = exact - out[i];
            given += out[i];
        }
        Integer[] idx = new Integer[weights.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(rem[b], rem[a]));
        for (int i = 0; given < total; i = (i + 1) % idx.length, given++) {
            out[idx[i]]++;
        }
        return out;
    }

    private int pick(double[] weights) {
        double sum = 0;
        for (double x : weights) {
            sum += x;
        }
        double u = rnd.nextDouble() * sum;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private LocalDate randomDate(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays((long) (rnd.nextDouble() * (days + 1)));
    }

    private String placeName(int chars) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < chars; i++) {
            b.append(PLACE_CHARS.charAt(rnd.nextInt(PLACE_CHARS.length())));
        }
        return b.toString();
    }

    private String personName() {
        String surname = SURNAMES[pick(SURNAME_WEIGHTS)];
        String given = GIVEN_CHARS.charAt(rnd.nextInt(GIVEN_CHARS.length())) + (rnd.nextDouble() < 0.75
                ? String.valueOf(GIVEN_CHARS.charAt(rnd.nextInt(GIVEN_CHARS.length()))) : "");
        return surname + given;
    }

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = "10X98765432".toCharArray();

    private String idNumber(LocalDate birth, boolean female) {
        String body = "4508" + "%02d".formatted(1 + rnd.nextInt(30)) + birth.toString().replace("-", "")
                + "%02d".formatted(rnd.nextInt(100)) + (2 * rnd.nextInt(5) + (female ? 0 : 1));
        int s = 0;
        for (int i = 0; i < 17; i++) {
            s += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + ID_CHECK[s % 11];
    }

    private static final char[] CODE_CHARS = "23456789abcdefghjkmnpqrstuvwxyz".toCharArray();

    private String publicCode() {
        char[] x = new char[12];
        for (int i = 0; i < x.length; i++) {
            x[i] = CODE_CHARS[rnd.nextInt(CODE_CHARS.length)];
        }
        return new String(x);
    }

    private Copy copy(String target) {
        return new Copy(c, target, null);
    }

    /** A COPY into a table whose rows reference rows still buffered in {@code parent}. */
    private Copy copy(String target, Copy parent) {
        return new Copy(c, target, parent);
    }

    /**
     * Buffers rows in COPY text format and sends each few megabytes as one complete COPY statement (a
     * connection runs one COPY at a time, so two tables can be filled side by side). A child flushes its
     * parent first, so foreign keys always find their rows.
     */
    static final class Copy implements AutoCloseable {
        private final Connection conn;
        private final String sql;
        private final Copy parent;
        private final StringBuilder buf = new StringBuilder(1 << 20);

        Copy(Connection conn, String target, Copy parent) {
            this.conn = conn;
            this.sql = "copy " + target + " from stdin";
            this.parent = parent;
        }

        void row(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buf.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    buf.append("\\N");
                } else if (v instanceof Boolean b) {
                    buf.append(b ? 't' : 'f');
                } else if (v instanceof byte[] bytes) {
                    buf.append("\\\\x");
                    for (byte x : bytes) {
                        buf.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
                    }
                } else if (v instanceof String s) {
                    for (int k = 0; k < s.length(); k++) {
                        char ch = s.charAt(k);
                        switch (ch) {
                            case '\\' -> buf.append("\\\\");
                            case '\t' -> buf.append("\\t");
                            case '\n' -> buf.append("\\n");
                            case '\r' -> buf.append("\\r");
                            default -> buf.append(ch);
                        }
                    }
                } else {
                    buf.append(v);
                }
            }
            buf.append('\n');
            if (buf.length() > (4 << 20)) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (parent != null) {
                parent.flush();
            }
            if (buf.length() == 0) {
                return;
            }
            byte[] b = buf.toString().getBytes(StandardCharsets.UTF_8);
            buf.setLength(0);
            CopyIn in = conn.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                in.writeToCopy(b, 0, b.length);
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        }

        @Override
        public void close() throws SQLException {
            flush();
        }
    }

    // --- distributions and word lists ---------------------------------------------------------------

    static final String[] TYPES = {"RECEPTION", "INSPECTION", "STATION_DUTY", "COLLECT_DEMANDS", "GROUP_ACTIVITY",
        "TRAINING", "ATTEND_CONGRESS", "PROPOSAL", "REPORT_TO_VOTERS", "WRITTEN_REPORT", "OTHER"};
    /** Receptions and inspections dominate, as in the seeds' archives. */
    static final double[] TYPE_WEIGHTS = {26, 18, 12, 12, 8, 7, 5, 5, 3, 2, 2};

    static final String[] ENDED = {"RESIGNED", "TERMINATED", "REMOVED"};
    static final double[] ENDED_WEIGHTS = {55, 38, 7};

    static final String[] OCCUPATIONS = {"村民", "村党支部书记", "村委会主任", "种养大户", "合作社理事长", "个体工商户",
        "企业职工", "企业负责人", "乡村教师", "乡村医生", "退役军人", "镇机关干部", "社区工作者"};
    static final double[] OCCUPATION_WEIGHTS = {20, 12, 10, 10, 6, 9, 8, 5, 5, 4, 3, 5, 3};
    static final String[] EDUCATION = {"初中", "高中", "中专", "大专", "大学", "研究生"};
    static final double[] EDUCATION_WEIGHTS = {18, 27, 12, 22, 19, 2};
    static final String[] ETHNIC = {"壮族", "瑶族", "苗族", "回族", "土家族"};

    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
        "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖",
        "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈"};
    static final double[] SURNAME_WEIGHTS = {7.1, 7.0, 6.7, 5.4, 4.5, 3.1, 2.2, 2.0, 2.0, 1.9, 1.8, 1.5, 1.3, 1.3,
        1.3, 1.2, 1.2, 1.1, 1.1, 0.9, 0.9, 0.9, 0.8, 0.8, 0.8, 0.7, 0.7, 0.7, 0.7, 0.6, 0.6, 0.6, 0.6, 0.5, 0.5, 0.5,
        0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4};
    static final String GIVEN_CHARS = "建国秀英志强丽华平春梅海涛玉兰永明桂芳德胜红霞伟静军敏立新小燕淑珍保翠萍文斌晓长青美玲振素芬学金凤"
            + "光辉荣波勇杰娟霞俊峰林刚云飞艳红宏亮福贵兴旺家宝佳慧";
    static final String PLACE_CHARS = "东西南北上下前后大小新老青白红金石马龙凤桃柳松竹梅兰河湖山岭溪泉坪坝塘湾岗坡庄集安平宁和丰茂兴隆福寿"
            + "长乐永泰清水云田";
    static final String[] CN_NUM = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};
    static final String[] TOPICS = {"农村饮水安全", "通村公路建设", "人居环境整治", "农村养老服务", "义务教育", "农田水利",
        "医疗保障", "特色产业发展", "防汛抗旱", "垃圾分类", "食品安全", "乡村振兴", "农村电网改造", "便民服务", "河道治理"};
    static final String[] REJECT_NOTES = {"缺少活动照片，请补充佐证材料", "日期与实际不符，请核实后重新提交", "同一活动重复登记"};

    /** A valid 1x1 PNG, the stand-in for every evidence file (the size column says how big the real one was). */
    static final byte[] TINY_PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}
