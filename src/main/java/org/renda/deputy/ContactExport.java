package org.renda.deputy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.renda.audit.AuditTrail;
import org.renda.deputy.DeputyViews.DeputySummary;
import org.renda.org.OrgTree;
import org.renda.shared.CurrentActor;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.renda.shared.excel.Xlsx;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deputies' contact list for staff (代表联系表): the register's filtered rows with whole phone numbers, because a
 * clerk phones deputies. Behind its own permission, {@link Permission#DEPUTY_CONTACT_EXPORT} (staff, not presiding,
 * superior or deputy readers), and every export is audited: who, for which organisation, with which filters, how
 * many rows. The general roster export ({@link DeputyRoster#export}) and public pages stay masked.
 */
@Service
public class ContactExport {

    static final String AUDIT_TYPE = "deputy_contacts";
    static final String SHEET = "代表联系表";
    static final List<String> HEADERS = List.of("姓名", "性别", "所属单位", "联系电话", "代表资格", "代表小组",
            "工作单位");

    private final DeputyStore deputies;
    private final RosterStore roster;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    ContactExport(DeputyStore deputies, RosterStore roster, OrgTree orgs, CurrentActor currentActor,
            AuditTrail audit) {
        this.deputies = deputies;
        this.roster = roster;
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    /** Whether the actor may export contacts anywhere (the button on the register). */
    @Transactional(readOnly = true)
    public boolean available() {
        return currentActor.require().canAny(Permission.DEPUTY_CONTACT_EXPORT);
    }

    @Transactional
    public byte[] export(DeputyRegister.Query q) {
        if (!available()) {
            throw new NotFoundException("error.notFound");
        }
        Reach reach = currentActor.reach(Permission.DEPUTY_CONTACT_EXPORT);
        long auditOrg = currentActor.require().homeOrgId();
        if (q.orgId() != null) {
            if (!reach.covers(q.orgId())) {
                throw new NotFoundException("error.notFound");
            }
            reach = reach.narrow(orgs.subtreeIds(q.orgId()));
            auditOrg = q.orgId();
        }
        DeputyStore.Filter filter = new DeputyStore.Filter(q.text() == null ? "" : q.text(), q.level(), q.termNo(),
                q.group() == null ? "" : q.group(), q.status(), q.inOfficeOnly());
        List<DeputySummary> rows = deputies.list(reach, filter, 100_000, 0, false);
        Map<Long, RosterStore.Person> persons = roster.persons(rows.stream().map(DeputySummary::id).toList());
        Map<Long, String> orgNames = new HashMap<>();
        orgs.findAll(rows.stream().map(DeputySummary::orgId).collect(Collectors.toSet()))
                .forEach(o -> orgNames.put(o.id(), o.name()));
        List<List<?>> out = new ArrayList<>();
        for (DeputySummary d : rows) {
            RosterStore.Person p = persons.get(d.id());
            String seats = d.seats().stream()
                    .map(s -> s.level().label() + " 第" + s.termNo() + "届 " + s.status().label())
                    .collect(Collectors.joining("；"));
            String groups = d.seats().stream().map(DeputyViews.SeatLabel::deputyGroup)
                    .filter(g -> g != null && !g.isBlank()).distinct().collect(Collectors.joining("、"));
            out.add(Arrays.asList(d.name(), d.gender() == null ? "" : d.gender(), orgNames.getOrDefault(d.orgId(), ""),
                    p == null || p.phone() == null ? "" : p.phone(), seats, groups,
                    p == null || p.workplace() == null ? "" : p.workplace()));
        }
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("rows", out.size());
        what.put("orgId", q.orgId());
        what.put("text", q.text());
        what.put("level", q.level() == null ? null : q.level().name());
        what.put("termNo", q.termNo());
        what.put("group", q.group());
        what.put("status", q.status() == null ? null : q.status().name());
        what.put("inOfficeOnly", q.inOfficeOnly());
        what.put("on", LocalDate.now().toString());
        audit.record(auditOrg, AUDIT_TYPE, auditOrg, "EXPORTED", null, what);
        return Xlsx.write(SHEET, HEADERS, out);
    }
}
