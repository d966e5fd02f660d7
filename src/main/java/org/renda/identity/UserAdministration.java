package org.renda.identity;

import org.renda.shared.validation.ChinesePhone;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.audit.AuditTrail;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.Masking;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manages users and their role grants. A user is read with USER_READ and changed with USER_WRITE on
 * their home organisation; a role can only be granted on organisations the granting actor administers.
 */
@Validated
@Service
@Transactional
public class UserAdministration {

    static final String AUDIT_TYPE = "user";

    private final UserStore store;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final SignInThrottle throttle;

    UserAdministration(UserStore store, OrgTree orgs, CurrentActor currentActor, PasswordEncoder encoder,
            AuditTrail audit, SignInThrottle throttle) {
        this.store = store;
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.encoder = encoder;
        this.audit = audit;
        this.throttle = throttle;
    }

    public record GrantRequest(@NotNull Role role, long orgId) {}

    public record NewUser(
            @NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "{user.username.pattern}")
                    String username,
            @NotBlank @Size(max = 100) String displayName,
            long orgId,
            @Nullable @ChinesePhone String phone,
            @Nullable @Email @Size(max = 200) String email,
            @NotBlank String password,
            @NotEmpty List<@Valid GrantRequest> grants) {}

    public record ProfileChange(@NotBlank @Size(max = 100) String displayName,
            @Nullable @ChinesePhone String phone,
            @Nullable @Email @Size(max = 200) String email, boolean enabled, int version) {}

    /** The audit snapshot of a user: never the password hash, and the phone masked as in any list. */
    private record Snapshot(String username, String displayName, long orgId, @Nullable String phone,
            @Nullable String email, boolean enabled, List<UserStore.StoredGrant> grants) {}

    public UserView create(@Valid NewUser cmd) {
        Actor actor = currentActor.require();
        actor.require(Permission.USER_WRITE, cmd.orgId());
        orgs.find(cmd.orgId()).filter(OrgView::active).orElseThrow(() -> new NotFoundException("user.error.org"));
        String username = cmd.username().strip();
        if (store.byUsername(username).isPresent()) {
            throw new DomainException("user.error.usernameTaken", username);
        }
        PasswordPolicy.check(username, cmd.password());
        List<UserStore.StoredGrant> grants = checkedGrants(actor, cmd.grants());
        long id = store.insert(cmd.orgId(), username, cmd.displayName().strip(), encoder.encode(cmd.password()),
                blankToNull(cmd.phone()), blankToNull(cmd.email()));
        store.replaceGrants(id, grants);
        audit.record(cmd.orgId(), AUDIT_TYPE, id, "CREATED", null, snapshot(id));
        return view(store.byId(id).orElseThrow());
    }

    @Transactional(readOnly = true)
    public List<UserView> list(String filter, int limit) {
        Actor actor = currentActor.require();
        List<UserStore.Account> accounts = store.inOrgs(actor.reach(Permission.USER_READ), filter, limit);
        Map<Long, List<UserStore.StoredGrant>> grants = store.grants(accounts.stream().map(UserStore.Account::id)
                .toList());
        Map<Long, OrgView> names = orgNames(grants.values().stream().flatMap(List::stream)
                .map(UserStore.StoredGrant::orgId).toList());
        return accounts.stream().map(a -> view(a, grants.getOrDefault(a.id(), List.of()), names)).toList();
    }

    @Transactional(readOnly = true)
    public UserView get(long id) {
        return view(currentActor.reach(Permission.USER_READ).guard(store.byId(id), UserStore.Account::orgId));
    }

    public UserView updateProfile(long id, @Valid ProfileChange change) {
        UserStore.Account account = writable(id);
        if (!change.enabled() && id == currentActor.require().userId()) {
            throw new DomainException("user.error.disableSelf");
        }
        Snapshot before = snapshot(id);
        store.updateProfile(id, change.version(), change.displayName().strip(), blankToNull(change.phone()),
                blankToNull(change.email()), change.enabled());
        audit.record(account.orgId(), AUDIT_TYPE, id, "UPDATED", before, snapshot(id));
        return get(id);
    }

    public UserView setGrants(long id, List<GrantRequest> requests) {
        Actor actor = currentActor.require();
        UserStore.Account account = writable(id);
        if (requests.isEmpty()) {
            throw new DomainException("user.error.noGrant");
        }
        // Grants the actor could not have given (outside their reach) are kept as they are.
        List<UserStore.StoredGrant> kept = store.grants(id).stream()
                .filter(g -> !actor.can(Permission.USER_WRITE, g.orgId())).toList();
        Set<UserStore.StoredGrant> all = new LinkedHashSet<>(kept);
        all.addAll(checkedGrants(actor, requests));
        Snapshot before = snapshot(id);
        store.replaceGrants(id, all);
        audit.record(account.orgId(), AUDIT_TYPE, id, "GRANTS_CHANGED", before, snapshot(id));
        return get(id);
    }

    public void resetPassword(long id, String newPassword) {
        UserStore.Account account = writable(id);
        PasswordPolicy.check(account.username(), newPassword);
        store.setPassword(id, encoder.encode(newPassword));
        throttle.release(account.username());
        audit.record(account.orgId(), AUDIT_TYPE, id, "PASSWORD_RESET", null, Map.of("by", currentActor.auditName()));
    }

    public void unlock(long id) {
        UserStore.Account account = writable(id);
        throttle.release(account.username());
        audit.record(account.orgId(), AUDIT_TYPE, id, "UNLOCKED", null, Map.of("by", currentActor.auditName()));
    }

    /** The signed-in user changes their own password, proving the current one. */
    public void changeOwnPassword(String current, String newPassword) {
        Actor actor = currentActor.require();
        UserStore.Account account = store.byId(actor.userId()).orElseThrow();
        if (!encoder.matches(current, account.passwordHash())) {
            throw new DomainException("password.error.current");
        }
        if (current.equals(newPassword)) {
            throw new DomainException("password.error.same");
        }
        PasswordPolicy.check(account.username(), newPassword);
        store.setPassword(account.id(), encoder.encode(newPassword));
        store.requirePasswordChange(account.id(), false);
        audit.record(account.orgId(), AUDIT_TYPE, account.id(), "PASSWORD_CHANGED", null, Map.of("by", "self"));
    }

    @Transactional(readOnly = true)
    public long count() {
        return store.count();
    }

    /** Users whose home organisation the actor can read. */
    @Transactional(readOnly = true)
    public long countVisible() {
        return store.countIn(currentActor.reach(Permission.USER_READ));
    }

    /** Visible users whose sign-ins wait after repeated failures ({@link SignInThrottle}). */
    @Transactional(readOnly = true)
    public long countLocked() {
        return store.countNamed(currentActor.reach(Permission.USER_READ), throttle.waitingAccounts());
    }

    private UserStore.Account writable(long id) {
        return currentActor.reach(Permission.USER_WRITE).guard(store.byId(id), UserStore.Account::orgId);
    }

    private List<UserStore.StoredGrant> checkedGrants(Actor actor, Collection<GrantRequest> requests) {
        for (GrantRequest r : requests) {
            actor.require(Permission.USER_WRITE, r.orgId());
            orgs.find(r.orgId()).filter(OrgView::active).orElseThrow(() -> new NotFoundException("user.error.org"));
        }
        return requests.stream().map(r -> new UserStore.StoredGrant(r.role(), r.orgId())).distinct().toList();
    }

    private Snapshot snapshot(long id) {
        UserStore.Account a = store.byId(id).orElseThrow();
        return new Snapshot(a.username(), a.displayName(), a.orgId(), Masking.phone(a.phone()), a.email(), a.enabled(),
                store.grants(id));
    }

    private UserView view(UserStore.Account a) {
        List<UserStore.StoredGrant> grants = store.grants(a.id());
        return view(a, grants, orgNames(grants.stream().map(UserStore.StoredGrant::orgId).toList()));
    }

    private UserView view(UserStore.Account a, List<UserStore.StoredGrant> grants, Map<Long, OrgView> orgsById) {
        return new UserView(a.id(), a.username(), a.displayName(), a.orgId(), phoneFor(a), a.email(), a.enabled(),
                throttle.accountWaitUntil(a.username()).orElse(null), a.version(), grants.stream()
                        .filter(g -> orgsById.containsKey(g.orgId()))
                        .map(g -> new UserView.GrantView(g.role(), g.orgId(), orgsById.get(g.orgId()).code(),
                                orgsById.get(g.orgId()).name()))
                        .toList());
    }

    /**
     * The one rule for personal data (as for deputies): the phone whole only to whoever may edit the record, masked
     * ({@link Masking}) for everyone else, on the detail page as in lists.
     */
    private @Nullable String phoneFor(UserStore.Account a) {
        if (a.phone() == null) {
            return null;
        }
        boolean mayEdit = currentActor.current().filter(actor -> actor.can(Permission.USER_WRITE, a.orgId()))
                .isPresent();
        return mayEdit ? a.phone() : Masking.phone(a.phone());
    }

    private Map<Long, OrgView> orgNames(Collection<Long> ids) {
        Map<Long, OrgView> byId = new java.util.HashMap<>();
        orgs.findAll(Set.copyOf(ids)).forEach(o -> byId.put(o.id(), o));
        return byId;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
