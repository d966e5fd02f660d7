package org.renda.report;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.renda.org.OrgAdministration;
import org.renda.org.OrgAdministration.NewOrg;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A county shaped like 罗定 in 2019 (seed 001, with seed 004's reception and inspection figures): 17 towns, and in
 * the year 319 activities held at their stations, 392 opinions received of which 362 closed, 320 voters received at
 * receptions raising 46 matters of which 22 solved, 182 deputies' reports to their voters, 22 officials' duty
 * reports, 53 topics tracked, 15 inspections finding 25 problems all rectified, the county's 510,000 yuan of work
 * funds and 816,000 of activity funds. Around them, rows that must not count: the year before and after, plans
 * not held, records not verified, and another county's records.
 *
 * <p>The organisations are created through the org module's facade; the records are written straight into the
 * modules' tables (their facades stamp the current time, and the replay needs 2019).
 */
final class LuodingDataset {

    static final int YEAR = 2019;
    static final int TOWNS = 17;

    final long county;
    final List<Long> towns = new ArrayList<>();
    final long otherCounty;
    private final JdbcClient jdbc;
    private int seq;

    private LuodingDataset(JdbcClient jdbc, long county, long otherCounty) {
        this.jdbc = jdbc;
        this.county = county;
        this.otherCounty = otherCounty;
    }

    /** Creates the counties (as a user with ORG_WRITE on the city, e.g. admin) and their records. */
    /**
     * The dataset under a county whose code starts with {@code letters} and is unique to the run, created by the
     * demo's admin (each test class sharing a context makes its own county).
     */
    static LuodingDataset createAsAdmin(org.springframework.security.core.userdetails.UserDetailsService accounts,
            OrgAdministration admin, OrgTree tree, JdbcClient jdbc, String letters) {
        return org.renda.identity.Logins.call(accounts, "admin", () -> create(admin, tree, jdbc,
                letters + Long.toString(System.nanoTime() % 100000, 36)));
    }

    static LuodingDataset create(OrgAdministration admin, OrgTree tree, JdbcClient jdbc, String prefix) {
        long city = tree.findByCode("JN-YX").map(OrgView::id)
                .orElseGet(() -> tree.roots().get(0).id());
        OrgView county = admin.create(new NewOrg(prefix, "罗定市", OrgType.COUNTY, city, 900));
        OrgView other = admin.create(new NewOrg(prefix + "-X", "邻县", OrgType.COUNTY, city, 901));
        LuodingDataset d = new LuodingDataset(jdbc, county.id(), other.id());
        String[] names = {"苹塘镇", "生江镇", "罗镜镇", "船步镇", "罗平镇", "泗纶镇", "分界镇", "太平镇", "榃滨镇",
                "金鸡镇", "围底镇", "华石镇", "加益镇", "龙湾镇", "连州镇", "黎少镇", "郎塘镇"};
        for (int i = 0; i < TOWNS; i++) {
            d.towns.add(admin.create(new NewOrg(prefix + "-T" + (i + 1), names[i], OrgType.TOWN, county.id(), i)).id());
        }
        long otherTown = admin.create(new NewOrg(prefix + "-XT", "邻镇", OrgType.TOWN, other.id(), 0)).id();
        d.fill(prefix, otherTown);
        return d;
    }

    private long town(int i) {
        return towns.get(i % TOWNS);
    }

    private void fill(String prefix, long otherTown) {
        long[] stations = new long[TOWNS];
        long[] deputies = new long[TOWNS];
        for (int i = 0; i < TOWNS; i++) {
            stations[i] = station(prefix + "-S" + i, town(i));
            deputies[i] = deputy(town(i));
        }
        long otherStation = station(prefix + "-SX", otherTown);
        long otherDeputy = deputy(otherTown);

        // 319 activities held in the year; planned, cancelled, last year's and the neighbour's do not count
        for (int k = 0; k < 319; k++) {
            activity(stations[k % TOWNS], town(k), "HELD", LocalDate.of(YEAR, 1 + k % 12, 1 + k % 28));
        }
        activity(stations[0], town(0), "PLANNED", LocalDate.of(YEAR, 12, 30));
        activity(stations[1], town(1), "CANCELLED", LocalDate.of(YEAR, 6, 3));
        activity(stations[2], town(2), "HELD", LocalDate.of(YEAR - 1, 12, 31));
        activity(otherStation, otherTown, "HELD", LocalDate.of(YEAR, 5, 5));

        // receptions: 40 records receiving 320 voters (8 each) raising 46 matters, 22 solved
        int matters = 0;
        for (int k = 0; k < 40; k++) {
            long record = reception(stations[k % TOWNS], town(k), LocalDate.of(YEAR, 1 + k % 12, 5), 8);
            int here = k < 6 ? 2 : 1;
            for (int m = 0; m < here; m++) {
                item(record, town(k), m + 1, matters < 22);
                matters++;
            }
        }
        item(reception(stations[0], town(0), LocalDate.of(YEAR + 1, 1, 5), 30), town(0), 1, true);
        item(reception(otherStation, otherTown, LocalDate.of(YEAR, 3, 5), 12), otherTown, 1, true);

        // 392 opinions received in the year, 362 of them closed
        for (int k = 0; k < 392; k++) {
            String state = k < 362 ? "CLOSED" : (k % 2 == 0 ? "IN_PROGRESS" : "REPLIED");
            opinion(prefix, town(k), state, OffsetDateTime.of(YEAR, 1 + k % 12, 1 + k % 28, 10, 0, 0, 0,
                    java.time.ZoneOffset.ofHours(8)));
        }
        opinion(prefix, town(0), "CLOSED", OffsetDateTime.of(YEAR - 1, 12, 31, 10, 0, 0, 0, java.time.ZoneOffset.ofHours(8)));
        opinion(prefix, town(1), "CLOSED", OffsetDateTime.of(YEAR + 1, 1, 2, 10, 0, 0, 0, java.time.ZoneOffset.ofHours(8)));
        opinion(prefix, otherTown, "CLOSED", OffsetDateTime.of(YEAR, 6, 1, 10, 0, 0, 0, java.time.ZoneOffset.ofHours(8)));

        // 182 deputies' reports to their voters, verified; a submitted one and another duty do not count as reports
        for (int k = 0; k < 182; k++) {
            duty(deputies[k % TOWNS], town(k), "REPORT_TO_VOTERS", "VERIFIED", LocalDate.of(YEAR, 1 + k % 12, 10));
        }
        duty(deputies[0], town(0), "REPORT_TO_VOTERS", "SUBMITTED", LocalDate.of(YEAR, 4, 10));
        duty(deputies[0], town(0), "INSPECTION", "VERIFIED", LocalDate.of(YEAR, 4, 11));
        duty(otherDeputy, otherTown, "REPORT_TO_VOTERS", "VERIFIED", LocalDate.of(YEAR, 4, 10));

        // 22 officials reported at the congresses; three are still due
        for (int i = 0; i < TOWNS; i++) {
            long plan = insert("""
                    insert into official_report_plan (org_id, term_no, title, created_by, created_at)
                    values (?, 18, '镇政府负责人述职计划', 'fixture', ?)""", town(i), ts(YEAR, 1, 2));
            int reported = i < 5 ? 2 : 1;
            for (int k = 0; k < reported; k++) {
                official(plan, town(i), "REPORTED", LocalDate.of(YEAR, 3, 1 + i), k);
            }
            if (i < 3) {
                official(plan, town(i), "DUE", null, 9);
            }
        }

        // 53 topics tracked; 15 inspections held finding 25 problems, all rectified
        List<Long> subjects = new ArrayList<>();
        for (int k = 0; k < 53; k++) {
            subjects.add(insert("""
                    insert into supervision_subject (org_id, for_year, kind, title, topic_source, created_at)
                    values (?, ?, 'KEY_PROJECT', ?, 'WORK_REPORT', ?)""", town(k), YEAR, "专题" + k, ts(YEAR, 1, 3)));
        }
        insert("""
                insert into supervision_subject (org_id, for_year, kind, title, topic_source, created_at)
                values (?, ?, 'KEY_PROJECT', '上年专题', 'WORK_REPORT', ?)""", town(0), YEAR - 1, ts(YEAR - 1, 1, 3));
        for (int k = 0; k < 15; k++) {
            long subject = subjects.get(k);
            insert("""
                    insert into supervision_activity (org_id, subject_id, kind, title, planned_on, state, held_on, created_at)
                    values (?, ?, 'INSPECTION', '督查', ?, 'HELD', ?, ?)""", town(k), subject, LocalDate.of(YEAR, 5, 1 + k),
                    LocalDate.of(YEAR, 5, 1 + k), ts(YEAR, 1, 3));
        }
        for (int k = 0; k < 25; k++) {
            insert("""
                    insert into rectification (org_id, problem, due_on, state, created_at, source_kind, source_id,
                        source_title, for_year)
                    values (?, '工程进度滞后', ?, 'ACCEPTED', ?, 'SUPERVISION', ?, '专题', ?)""", town(k),
                    LocalDate.of(YEAR, 9, 1), ts(YEAR, 6, 1), subjects.get(k % 15), YEAR);
        }

        // meetings: each town's congress session and two presidium meetings, closed; a draft does not count
        for (int i = 0; i < TOWNS; i++) {
            meeting(town(i), "SESSION", "CLOSED", LocalDate.of(YEAR, 2, 20));
            meeting(town(i), "PRESIDIUM", "CLOSED", LocalDate.of(YEAR, 4, 10));
            meeting(town(i), "PRESIDIUM", "CLOSED", LocalDate.of(YEAR, 10, 10));
        }
        meeting(town(0), "PRESIDIUM", "DRAFT", LocalDate.of(YEAR, 12, 20));

        // funds: the county's 510,000 yuan of work funds, 48,000 of activity funds for each town
        long countyLine = fundLine(county, "WORK", "支持各镇人大工作经费", 51_000_000L);
        expense(county, countyLine, 45_900_000L);
        for (int i = 0; i < TOWNS; i++) {
            long line = fundLine(town(i), "DEPUTY_ACTIVITY", "代表活动经费", 4_800_000L);
            expense(town(i), line, 4_000_000L);
        }
        fundLine(otherTown, "WORK", "邻县经费", 99_900L);

        // the regulation's 41 items: every town implements items 1-35 fully; items 36-41 are fully implemented by
        // some towns and partly by others, so the county reads 35 fully and 6 partly; one report to the Party
        // committee per town
        long checklist = insert("""
                insert into compliance_checklist (org_id, title, version_no, frozen_at, created_by, created_at)
                values (?, '《条例》量化工作清单', 1, ?, 'fixture', ?)""", county, ts(YEAR, 1, 1), ts(YEAR, 1, 1));
        long[] items = new long[41];
        for (int n = 1; n <= 41; n++) {
            items[n - 1] = insert("""
                    insert into compliance_item (checklist_id, org_id, item_no, chapter, body, measure)
                    values (?, ?, ?, '第一章', '量化工作', '每年')""", checklist, county, n);
        }
        for (int i = 0; i < TOWNS; i++) {
            long assessment = insert("""
                    insert into compliance_assessment (org_id, assess_year, checklist_id, status, created_by, created_at)
                    values (?, ?, ?, 'ACCEPTED', 'fixture', ?)""", town(i), YEAR, checklist, ts(YEAR, 11, 1));
            for (int n = 1; n <= 41; n++) {
                String rating = n <= 35 || i % 2 == 0 ? "FULL" : "PARTIAL";
                insert("""
                        insert into compliance_rating (assessment_id, org_id, item_id, rating)
                        values (?, ?, ?, ?)""", assessment, town(i), items[n - 1], rating);
            }
            insert("""
                    insert into compliance_party_report (org_id, report_year, reported_on, title, created_by, created_at)
                    values (?, ?, ?, '关于镇人大工作的请示报告', 'fixture', ?)""", town(i), YEAR, LocalDate.of(YEAR, 7, 1),
                    ts(YEAR, 7, 1));
        }
    }

    // --- rows

    private long station(String code, long org) {
        return insert("""
                insert into station (org_id, code, public_code, name, tier, address, created_at, updated_at)
                values (?, ?, ?, '代表联络站', 'STATION', '镇政府大院', ?, ?)""", org, code, code + "p", ts(YEAR, 1, 1),
                ts(YEAR, 1, 1));
    }

    private long deputy(long org) {
        return insert("""
                insert into deputy (org_id, name, public_code, created_at, updated_at)
                values (?, '代表', ?, ?, ?)""", org, "ld" + org + "-" + (++seq), ts(YEAR, 1, 1), ts(YEAR, 1, 1));
    }

    private void activity(long station, long org, String state, LocalDate on) {
        insert("""
                insert into station_activity (station_id, org_id, activity_kind, planned_on, theme, state, held_on)
                values (?, ?, 'WEEKLY_DELIBERATION', ?, '联系群众', ?, ?)""", station, org, on, state,
                state.equals("HELD") ? on : null);
    }

    private long reception(long station, long org, LocalDate on, int visitors) {
        return insert("""
                insert into reception_record (station_id, org_id, record_kind, occurred_on, place, visitors, anonymous,
                    summary, recorded_by, created_at)
                values (?, ?, 'RECEPTION', ?, '联络站', ?, false, '接待选民', 'fixture', ?)""", station, org, on,
                visitors, ts(on.getYear(), on.getMonthValue(), on.getDayOfMonth()));
    }

    private void item(long record, long org, int seqNo, boolean resolved) {
        insert("""
                insert into reception_item (record_id, org_id, seq, category, content, resolved)
                values (?, ?, ?, '民生', '道路破损', ?)""", record, org, seqNo, resolved);
    }

    private void opinion(String prefix, long org, String state, OffsetDateTime at) {
        String code = (prefix.replace("-", "") + "C" + (++seq));
        insert("""
                insert into case_item (org_id, receipt_code, source, kind, category, title, content, state, created_at,
                    closed_at, updated_at)
                values (?, ?, 'RECEPTION', 'OPINION', '城乡建设', '修缮山塘', '群众反映', ?, ?, ?, ?)""", org,
                code.length() > 16 ? code.substring(code.length() - 16) : code, state, Timestamp.from(at.toInstant()),
                state.equals("CLOSED") ? Timestamp.from(at.plusDays(30).toInstant()) : null,
                Timestamp.from(at.toInstant()));
    }

    private void duty(long deputy, long org, String type, String status, LocalDate on) {
        insert("""
                insert into duty_record (deputy_id, org_id, type, occurred_on, title, status, recorded_by, created_at)
                values (?, ?, ?, ?, '向选民述职', ?, 'fixture', ?)""", deputy, org, type, on, status,
                ts(on.getYear(), on.getMonthValue(), on.getDayOfMonth()));
    }

    private void official(long plan, long org, String state, LocalDate reportedOn, int sort) {
        insert("""
                insert into official_report (plan_id, org_id, name, position, state, reported_on, sort_no)
                values (?, ?, '张三', '副镇长', ?, ?, ?)""", plan, org, state, reportedOn, sort);
    }

    private void meeting(long org, String kind, String state, LocalDate on) {
        insert("""
                insert into meeting (org_id, kind, title, starts_on, ends_on, starts_at, place, state, created_by,
                    created_at)
                values (?, ?, '会议', ?, ?, ?, '会议室', ?, 'fixture', ?)""", org, kind, on, on,
                java.sql.Time.valueOf("09:00:00"), state, ts(YEAR, 1, 1));
    }

    private long fundLine(long org, String fund, String subject, long budgetFen) {
        return insert("""
                insert into fund_line (org_id, fund_year, fund, subject, budget_fen, created_by, created_at)
                values (?, ?, ?, ?, ?, 'fixture', ?)""", org, YEAR, fund, subject, budgetFen, ts(YEAR, 1, 1));
    }

    private void expense(long org, long line, long fen) {
        insert("""
                insert into fund_expense (org_id, line_id, fund_year, spent_on, payee, purpose, amount_fen, created_by,
                    created_at)
                values (?, ?, ?, ?, '镇人大', '代表活动', ?, 'fixture', ?)""", org, line, YEAR, LocalDate.of(YEAR, 6, 1),
                fen, ts(YEAR, 6, 1));
    }

    private static Timestamp ts(int y, int m, int d) {
        return Timestamp.from(LocalDate.of(y, m, d).atStartOfDay(ZoneId.systemDefault()).plusHours(10).toInstant());
    }

    private long insert(String sql, Object... params) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        Number key = keys.getKey();
        return key == null ? 0 : key.longValue();
    }
}
