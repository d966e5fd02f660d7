package org.renda.calendar;

import jakarta.validation.Valid;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.audit.AuditTrail;
import org.renda.shared.Actor;
import org.renda.shared.CacheSignals;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deadline rules as data, and the due dates they give. A rule is set per kind of case (a code such as
 * SUGGESTION) nationally, with the law's defaults, and may be set again by an organisation for its
 * subtree: the rule of the nearest organisation along the lineage wins, else the national default.
 *
 * <p>The look-ups ({@link #rule}, {@link #dueDate}, {@link #deadline}) are unscoped and served from memory,
 * for casework computing many due dates, also in jobs without a signed-in user; they count on the
 * calendar of the same organisation ({@link WorkingCalendar#of}). Editing needs CALENDAR_WRITE on the
 * organisation (national defaults: a system administrator of a root), is audited and drops the cache when
 * its transaction ends.
 */
@Validated
@Service
@Transactional(readOnly = true)
public class Deadlines {

    static final String AUDIT_TYPE = "deadline_rule";

    /** The codes Renda ships with, in the order the rules page lists them; modules may add others. */
    public static final List<String> KNOWN_CODES = List.of("SUGGESTION", "SUGGESTION_COMPLEX", "REHANDLE",
            "RETURN_WRONG_ASSIGNMENT", "PUBLIC_OPINION", "RECTIFICATION_REPORT");

    private final RuleStore store;
    private final WorkingCalendar calendar;
    private final CalendarScopes scopes;
    private final Lineages lineages;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    /** code -> (org id -> rule); null until first read, dropped by every edit. */
    private volatile @Nullable Map<String, Map<Long, DeadlineRule>> rules;
    private long generation;
    private final CacheSignals signals;

    /** The name of the rules' cache among the instances' {@link CacheSignals}. */
    static final String CACHE = "calendar.rules";

    Deadlines(RuleStore store, WorkingCalendar calendar, CalendarScopes scopes, Lineages lineages,
            CurrentActor currentActor, AuditTrail audit, CacheSignals signals) {
        this.signals = signals;
        signals.onChange(CACHE, this::drop);
        this.store = store;
        this.calendar = calendar;
        this.scopes = scopes;
        this.lineages = lineages;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    /** The editable part of a rule; {@code version} is the one read, for optimistic locking. */
    public record RuleChange(@Min(1) @Max(1000) int amount, @NotNull DeadlineUnit unit,
            @Min(0) @Max(250) int reminderDaysBefore, int version) {}

    /** One line of the rules page: the rule in force for the organisation, and whether it set it itself. */
    public record RuleLine(String code, DeadlineRule effective, boolean own) {}

    /** The rule in force for an organisation: its own, else the nearest ancestor's, else the national default. */
    public DeadlineRule rule(long orgId, String code) {
        Map<Long, DeadlineRule> byOrg = rules().get(code);
        if (byOrg == null) {
            throw new DomainException("deadline.error.unknownCode", code);
        }
        if (byOrg.size() > 1 && orgId != WorkingCalendar.NATIONAL) {
            long[] lineage = lineages.of(orgId);
            for (int i = lineage.length - 1; i >= 0; i--) {
                DeadlineRule own = byOrg.get(lineage[i]);
                if (own != null) {
                    return own;
                }
            }
        }
        DeadlineRule national = byOrg.get(WorkingCalendar.NATIONAL);
        if (national == null) {
            throw new DomainException("deadline.error.unknownCode", code);
        }
        return national;
    }

    /** The due date of a case of this kind in this organisation, started (assigned, returned, ...) on {@code start}. */
    public LocalDate dueDate(long orgId, String code, LocalDate start) {
        return rule(orgId, code).dueDate(calendar.of(orgId), start);
    }

    /** The due date with its reminder day and the rule applied. */
    public Deadline deadline(long orgId, String code, LocalDate start) {
        DeadlineRule rule = rule(orgId, code);
        WorkingDays days = calendar.of(orgId);
        LocalDate due = rule.dueDate(days, start);
        return new Deadline(code, start, due, rule.reminderDate(days, start, due), rule);
    }

    /** Every rule in force for an organisation the actor can read (0: the national defaults). */
    public List<RuleLine> rulesOf(long orgId) {
        scopes.requireRead(currentActor.require(), orgId);
        return rules().keySet().stream().sorted(Comparator.comparingInt(Deadlines::listOrder)
                        .thenComparing(Comparator.naturalOrder()))
                .filter(code -> rules().get(code).containsKey(WorkingCalendar.NATIONAL))
                .map(code -> {
                    DeadlineRule effective = rule(orgId, code);
                    return new RuleLine(code, effective, effective.orgId() == orgId);
                })
                .toList();
    }

    public boolean canWrite(long orgId) {
        return scopes.canWrite(currentActor.require(), orgId);
    }

    /** Sets the organisation's own rule for a code (the national default when {@code orgId} is 0). */
    @Transactional
    public DeadlineRule set(long orgId, String code, @Valid RuleChange change) {
        Actor actor = currentActor.require();
        scopes.requireWrite(actor, orgId);
        if (store.find(WorkingCalendar.NATIONAL, code).isEmpty()) {
            throw new DomainException("deadline.error.unknownCode", code);
        }
        if (change.amount() < 1 || change.amount() > (change.unit() == DeadlineUnit.MONTHS ? 60 : 1000)
                || change.reminderDaysBefore() < 0 || change.reminderDaysBefore() > 250) {
            throw new DomainException("deadline.error.invalid");
        }
        Optional<DeadlineRule> before = store.find(orgId, code);
        if (before.isPresent()) {
            store.update(orgId, code, change.version(), change.amount(), change.unit(), change.reminderDaysBefore());
        } else {
            store.insert(orgId, code, change.amount(), change.unit(), change.reminderDaysBefore());
        }
        DeadlineRule after = store.find(orgId, code).orElseThrow();
        audit.record(scopes.auditOrg(orgId), AUDIT_TYPE, orgId + ":" + code,
                before.isPresent() ? "UPDATED" : "CREATED", before.orElse(null), after);
        invalidate();
        return after;
    }

    /** Removes an organisation's own rule: the ancestors' or the national rule applies again. */
    @Transactional
    public void reset(long orgId, String code) {
        scopes.requireWrite(currentActor.require(), orgId);
        if (orgId == WorkingCalendar.NATIONAL) {
            throw new DomainException("deadline.error.nationalStays");
        }
        Optional<DeadlineRule> before = store.find(orgId, code);
        if (before.isEmpty()) {
            return;
        }
        store.delete(orgId, code);
        audit.record(scopes.auditOrg(orgId), AUDIT_TYPE, orgId + ":" + code, "DELETED", before.get(), null);
        invalidate();
    }

    private Map<String, Map<Long, DeadlineRule>> rules() {
        Map<String, Map<Long, DeadlineRule>> cached = rules;
        if (cached != null) {
            return cached;
        }
        long seen;
        synchronized (this) {
            seen = generation;
        }
        Map<String, Map<Long, DeadlineRule>> loaded = new HashMap<>();
        for (DeadlineRule r : store.all()) {
            loaded.computeIfAbsent(r.code(), k -> new HashMap<>()).put(r.orgId(), r);
        }
        loaded.replaceAll((code, byOrg) -> Map.copyOf(byOrg));
        Map<String, Map<Long, DeadlineRule>> frozen = Map.copyOf(loaded);
        synchronized (this) {
            if (generation == seen) {
                rules = frozen;
            }
        }
        return frozen;
    }

    /** Forgets the cached rules; every edit calls it, and so may a test that changed the table directly. */
    @Transactional
    void invalidate() {
        AfterCommit.invalidate(this::drop);
        signals.changed(CACHE);
    }

    private void drop() {
        synchronized (this) {
            generation++;
            rules = null;
        }
    }

    private static int listOrder(String code) {
        int i = KNOWN_CODES.indexOf(code);
        return i < 0 ? KNOWN_CODES.size() : i;
    }
}
