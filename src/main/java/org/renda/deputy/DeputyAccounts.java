package org.renda.deputy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.renda.identity.BulkAccounts;
import org.renda.identity.BulkAccounts.AccountRequest;
import org.renda.identity.BulkAccounts.IssuedAccount;
import org.renda.notification.AccountNotices;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.renda.shared.DomainException;
import org.renda.shared.Masking;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.renda.shared.Role;
import org.renda.shared.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts for a town's deputies in one step (代表账户批量开通): the deputies in office without an account, in the
 * organisations where the actor keeps the register and may create accounts, each given an account with the deputy
 * role on their home organisation, linked to their file as {@link DeputyRegister#linkUser} links any deputy, and a
 * generated first password ({@link BulkAccounts}) printed on a slip and, where staff typed an e-mail address, sent
 * sealed ({@link AccountNotices}). Login names are {@code d} and the deputy's number ({@code d1042}): stable, unique,
 * and typed on any phone; no pinyin library on Maven Central is kept up today, and surnames such as 单 or 曾 need a
 * person to read them right.
 */
@Service
@Transactional
public class DeputyAccounts {

    private static final Pattern MAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final DeputyAccountStore store;
    private final DeputyRegister register;
    private final BulkAccounts accounts;
    private final AccountNotices notices;
    private final OrgTree orgs;
    private final CurrentActor currentActor;

    DeputyAccounts(DeputyAccountStore store, DeputyRegister register, BulkAccounts accounts, AccountNotices notices,
            OrgTree orgs, CurrentActor currentActor) {
        this.store = store;
        this.register = register;
        this.accounts = accounts;
        this.notices = notices;
        this.orgs = orgs;
        this.currentActor = currentActor;
    }

    /** A deputy who could be given an account; the phone masked, as in every list. */
    public record Candidate(long deputyId, long orgId, String orgName, String name, String maskedPhone) {}

    /** An organisation to choose, with how many of its deputies (its whole subtree) have no account. */
    public record OrgChoice(long id, String name, int depth, int without) {}

    /** The page: the organisations to choose from, and the chosen one's deputies without an account. */
    public record Overview(List<OrgChoice> choices, @Nullable OrgChoice chosen, List<Candidate> candidates,
            long withAccount) {}

    /** What a creation did: the accounts (with their passwords, once) and how many e-mails are on their way. */
    public record Created(List<IssuedAccount> accounts, int mailed) {}

    /** Whether the actor may use this at all. */
    @Transactional(readOnly = true)
    public boolean available() {
        var actor = currentActor.require();
        return actor.canAny(Permission.DEPUTY_WRITE) && actor.canAny(Permission.USER_CREATE);
    }

    @Transactional(readOnly = true)
    public Overview overview(@Nullable Long orgId) {
        Reach reach = currentActor.reach(Permission.DEPUTY_WRITE);
        List<DeputyAccountStore.Unlinked> all = creatable(reach);
        Map<Long, Integer> counts = new HashMap<>();
        Map<Long, OrgView> homes = homes(all.stream().map(DeputyAccountStore.Unlinked::orgId).toList());
        Set<Long> lineageIds = new HashSet<>();
        for (DeputyAccountStore.Unlinked u : all) {
            for (long id : homes.get(u.orgId()).lineage()) {
                if (reach.covers(id)) {
                    counts.merge(id, 1, Integer::sum);
                    lineageIds.add(id);
                }
            }
        }
        List<OrgChoice> choices = orgs.findAll(lineageIds).stream()
                .sorted(Comparator.comparing(OrgView::path))
                .map(o -> new OrgChoice(o.id(), o.name(), o.depth(), counts.get(o.id()))).toList();
        OrgChoice chosen = null;
        if (orgId != null) {
            if (!reach.covers(orgId)) {
                throw new NotFoundException("error.notFound");
            }
            chosen = choices.stream().filter(c -> c.id() == orgId).findFirst()
                    .orElseGet(() -> orgs.find(orgId).map(o -> new OrgChoice(o.id(), o.name(), o.depth(), 0))
                            .orElseThrow(() -> new NotFoundException("error.notFound")));
        } else if (!choices.isEmpty()) {
            chosen = choices.get(0);
        }
        List<Candidate> candidates = List.of();
        long withAccount = 0;
        if (chosen != null) {
            Set<Long> subtree = orgs.subtreeIds(chosen.id());
            candidates = all.stream().filter(u -> subtree.contains(u.orgId()))
                    .map(u -> new Candidate(u.id(), u.orgId(), homes.get(u.orgId()).name(), u.name(),
                            Masking.phone(u.phone())))
                    .toList();
            withAccount = store.withAccount(reach.narrow(subtree));
        }
        return new Overview(choices, chosen, candidates, withAccount);
    }

    /**
     * Creates an account for each named deputy, or for none: a deputy outside the actor's reach answers 404, one who
     * has an account already (or is no longer in office) refuses the whole batch.
     *
     * @param emails e-mail addresses typed for some of them (by deputy id); blank ones are ignored
     * @param signInUrl the address printed on the slips and e-mailed
     * @param mail whether to e-mail the notices to those with an address
     */
    public Created create(Collection<Long> deputyIds, Map<Long, String> emails, String signInUrl, boolean mail) {
        if (deputyIds.isEmpty()) {
            throw new DomainException("accounts.deputies.noneChosen");
        }
        Reach reach = currentActor.reach(Permission.DEPUTY_WRITE);
        List<DeputyAccountStore.Locked> rows = store.lock(Set.copyOf(deputyIds));
        if (rows.size() != Set.copyOf(deputyIds).size()) {
            throw new NotFoundException("error.notFound");
        }
        List<AccountRequest> requests = new ArrayList<>();
        Set<String> reserved = new HashSet<>();
        Map<String, Long> deputyOf = new LinkedHashMap<>();
        for (DeputyAccountStore.Locked d : rows) {
            if (!reach.covers(d.orgId()) || !accounts.mayCreate(Role.DEPUTY, d.orgId())) {
                throw new NotFoundException("error.notFound");
            }
            if (d.userId() != null) {
                throw new DomainException("accounts.deputies.hasAccount", d.name());
            }
            if (!d.inOffice()) {
                throw new DomainException("accounts.deputies.notInOffice", d.name());
            }
            String email = emails.getOrDefault(d.id(), "").strip();
            if (!email.isEmpty() && (email.length() > 200 || !MAIL.matcher(email).matches())) {
                throw new DomainException("accounts.deputies.badEmail", d.name(), email);
            }
            String username = accounts.freeUsername("d" + d.id(), reserved);
            reserved.add(username.toLowerCase(java.util.Locale.ROOT));
            deputyOf.put(username, d.id());
            requests.add(new AccountRequest(username, d.name(), d.orgId(), d.phone(), email.isEmpty() ? null : email,
                    Role.DEPUTY));
        }
        List<IssuedAccount> issued = accounts.create(requests, "deputies");
        for (IssuedAccount a : issued) {
            register.linkUser(deputyOf.get(a.username()), a.userId());
        }
        int mailed = mail ? notices.send(issued, signInUrl) : 0;
        return new Created(issued, mailed);
    }

    /** Deputies without an account whose home lets the actor create accounts too. */
    private List<DeputyAccountStore.Unlinked> creatable(Reach reach) {
        List<DeputyAccountStore.Unlinked> all = store.withoutAccount(reach);
        return all.stream().filter(u -> accounts.mayCreate(Role.DEPUTY, u.orgId())).toList();
    }

    private Map<Long, OrgView> homes(Collection<Long> ids) {
        Map<Long, OrgView> out = new HashMap<>();
        orgs.findAll(Set.copyOf(ids)).forEach(o -> out.put(o.id(), o));
        return out;
    }
}
