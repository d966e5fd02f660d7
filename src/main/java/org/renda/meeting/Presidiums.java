package org.renda.meeting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.audit.AuditTrail;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyRegister.DeputyRef;
import org.renda.meeting.MeetingEnums.Post;
import org.renda.meeting.MeetingViews.MemberView;
import org.renda.meeting.MeetingViews.PresidiumView;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The presidium (主席团) of a town congress for each term: its members, chair and vice-chairs, deputies of that
 * congress. Kept while being formed; confirmed only with 7 to 11 members (seed 001: "主席团由七至十一人组成"), and
 * kept within that range once confirmed.
 */
@Service
@Transactional
public class Presidiums {

    public static final int MIN_MEMBERS = 7;
    public static final int MAX_MEMBERS = 11;
    static final String AUDIT_TYPE = "meeting_presidium";

    private final MeetingStore store;
    private final DeputyRegister deputies;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    Presidiums(MeetingStore store, DeputyRegister deputies, OrgTree orgs, CurrentActor currentActor, AuditTrail audit) {
        this.store = store;
        this.deputies = deputies;
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    /** The members in order: the chair, the vice-chairs, the other members. */
    public record Members(long orgId, @Min(1) @Max(99) int termNo, @Nullable Long chairId, List<Long> viceChairIds,
            List<Long> memberIds) {}

    public PresidiumView save(Members f) {
        currentActor.require().require(Permission.MEETING_WRITE, f.orgId());
        OrgView org = orgs.find(f.orgId()).filter(o -> o.type() == OrgType.TOWN)
                .orElseThrow(() -> DomainException.onField("orgId", "meeting.error.townOnly"));
        if (f.termNo() < 1 || f.termNo() > 99) {
            throw DomainException.onField("termNo", "meeting.error.termNo");
        }
        List<MeetingStore.MemberRow> rows = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        if (f.chairId() != null && seen.add(f.chairId())) {
            rows.add(new MeetingStore.MemberRow(f.chairId(), Post.CHAIR, rows.size() + 1));
        }
        for (long d : f.viceChairIds()) {
            if (seen.add(d)) {
                rows.add(new MeetingStore.MemberRow(d, Post.VICE_CHAIR, rows.size() + 1));
            }
        }
        for (long d : f.memberIds()) {
            if (seen.add(d)) {
                rows.add(new MeetingStore.MemberRow(d, Post.MEMBER, rows.size() + 1));
            }
        }
        Set<Long> congress = new LinkedHashSet<>();
        deputies.congressMembers(org.id()).forEach(r -> congress.add(r.id()));
        if (!congress.containsAll(seen)) {
            throw new NotFoundException("error.notFound");
        }
        Optional<MeetingStore.PresidiumRow> existing = store.presidium(org.id(), f.termNo());
        if (existing.isPresent() && existing.get().confirmed()) {
            checkSize(rows.size());
        }
        if (rows.size() > MAX_MEMBERS) {
            throw DomainException.onField("memberIds", "meeting.presidium.error.size", MIN_MEMBERS, MAX_MEMBERS,
                    rows.size());
        }
        long id = existing.map(MeetingStore.PresidiumRow::id).orElseGet(() -> store.insertPresidium(org.id(), f.termNo()));
        List<MemberView> before = existing.map(p -> view(p).members()).orElse(List.of());
        store.replaceMembers(id, org.id(), rows);
        PresidiumView after = view(store.presidium(id).orElseThrow());
        audit.record(org.id(), AUDIT_TYPE, id, "MEMBERS_SAVED", before.isEmpty() ? null : Map.of("members", names(before)),
                Map.of("term", f.termNo(), "members", names(after.members())));
        return after;
    }

    /** Confirms the presidium (as the session elected it): refused with fewer than 7 or more than 11 members. */
    public PresidiumView confirm(long presidiumId, int version) {
        MeetingStore.PresidiumRow p = currentActor.reach(Permission.MEETING_WRITE)
                .guard(store.presidium(presidiumId), MeetingStore.PresidiumRow::orgId);
        checkSize(store.members(presidiumId).size());
        store.confirmPresidium(presidiumId, version);
        PresidiumView after = view(store.presidium(presidiumId).orElseThrow());
        audit.record(p.orgId(), AUDIT_TYPE, presidiumId, "CONFIRMED", Map.of("confirmed", p.confirmed()),
                Map.of("confirmed", true, "members", names(after.members())));
        return after;
    }

    private static void checkSize(int n) {
        if (n < MIN_MEMBERS || n > MAX_MEMBERS) {
            throw DomainException.onField("memberIds", "meeting.presidium.error.size", MIN_MEMBERS, MAX_MEMBERS, n);
        }
    }

    @Transactional(readOnly = true)
    public Optional<PresidiumView> of(long orgId, int termNo) {
        currentActor.reach(Permission.MEETING_READ).check(orgId);
        return store.presidium(orgId, termNo).map(this::view);
    }

    /** The presidium by id, within the actor's reach (404 otherwise). */
    @Transactional(readOnly = true)
    public PresidiumView get(long presidiumId) {
        return view(currentActor.reach(Permission.MEETING_READ).guard(store.presidium(presidiumId),
                MeetingStore.PresidiumRow::orgId));
    }

    /** The deputies of the town's congress who may sit in its presidium. */
    @Transactional(readOnly = true)
    public List<DeputyRef> candidates(long orgId) {
        currentActor.reach(Permission.MEETING_READ).check(orgId);
        return deputies.congressMembers(orgId);
    }

    private PresidiumView view(MeetingStore.PresidiumRow p) {
        List<MeetingStore.MemberRow> rows = store.members(p.id());
        Map<Long, DeputyRef> refs = deputies.refs(rows.stream().map(MeetingStore.MemberRow::deputyId).toList());
        String orgName = orgs.find(p.orgId()).map(OrgView::name).orElse("");
        return new PresidiumView(p.id(), p.orgId(), orgName, p.termNo(), p.confirmed(), p.version(), rows.stream()
                .map(r -> new MemberView(r.deputyId(), refs.containsKey(r.deputyId()) ? refs.get(r.deputyId()).name() : "",
                        r.post())).toList());
    }

    private static List<String> names(List<MemberView> members) {
        return members.stream().map(MemberView::name).toList();
    }
}
