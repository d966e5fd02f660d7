package org.renda.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.renda.shared.Texts;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts created many at a time (a town's deputies from the register, an Excel import), each with a generated
 * first-sign-in password ({@link FirstPasswords}) that must be changed at first sign-in. The password is handed back
 * once, to be printed on a slip ({@link SignInSlips}) or e-mailed sealed, and is never stored: only its hash, and
 * the audit records the creation, not the password. All or nothing: one refused account refuses the batch.
 */
@Service
@Transactional
public class BulkAccounts {

    static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{3,64}");

    private final UserStore store;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;

    BulkAccounts(UserStore store, OrgTree orgs, CurrentActor currentActor, PasswordEncoder encoder, AuditTrail audit) {
        this.store = store;
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.encoder = encoder;
        this.audit = audit;
    }

    /** One account to create, with one role on its home organisation. */
    public record AccountRequest(String username, String displayName, long orgId, @Nullable String phone,
            @Nullable String email, Role role) {}

    /**
     * An account just created with its first password, in memory only: for the slip and the sealed e-mail.
     * {@link #toString} leaves the password out, so no log line carries it.
     */
    public record IssuedAccount(long userId, String username, String displayName, long orgId, String orgName,
            @Nullable String email, String password) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            return "IssuedAccount[" + userId + ", " + username + "]";
        }
    }

    /** Whether the actor may create any account at all (menus, pages). */
    @Transactional(readOnly = true)
    public boolean canCreate() {
        return currentActor.require().canAny(Permission.USER_CREATE);
    }

    /** Whether the actor may create an account with this role on this organisation ({@link GrantPolicy}). */
    @Transactional(readOnly = true)
    public boolean mayCreate(Role role, long orgId) {
        return GrantPolicy.mayCreate(currentActor.require(), role, orgId);
    }

    /** The roles the actor may give on this organisation, in their order. */
    @Transactional(readOnly = true)
    public List<Role> grantableRoles(long orgId) {
        Actor actor = currentActor.require();
        return java.util.Arrays.stream(Role.values()).filter(r -> GrantPolicy.mayCreate(actor, r, orgId)).toList();
    }

    /** Of these usernames, those already taken (compared without case), in lower case. */
    @Transactional(readOnly = true)
    public Set<String> taken(Collection<String> usernames) {
        return store.takenUsernames(usernames.stream().map(u -> u.strip().toLowerCase(Locale.ROOT)).toList());
    }

    /** {@code base}, or {@code base-2}, {@code base-3} … : the first neither taken nor in {@code reserved}. */
    @Transactional(readOnly = true)
    public String freeUsername(String base, Set<String> reserved) {
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? base : base + "-" + n;
            String lower = candidate.toLowerCase(Locale.ROOT);
            if (!reserved.contains(lower) && store.takenUsernames(List.of(lower)).isEmpty()) {
                return candidate;
            }
        }
    }

    /**
     * Creates the accounts, each marked to change its password at first sign-in, or none of them.
     *
     * @param source how they came, for the audit log ({@code deputies}, {@code import})
     * @throws NotFoundException when an organisation is outside what the actor may create accounts in, or a role is
     *     one the actor may not give there
     * @throws DomainException when a username is malformed or taken (in the database or twice in the batch)
     */
    public List<IssuedAccount> create(List<AccountRequest> requests, String source) {
        Actor actor = currentActor.require();
        Set<String> seen = new HashSet<>();
        Map<Long, OrgView> homes = new LinkedHashMap<>();
        for (AccountRequest r : requests) {
            if (!GrantPolicy.mayCreate(actor, r.role(), r.orgId())) {
                throw new NotFoundException("user.error.org");
            }
            OrgView home = homes.computeIfAbsent(r.orgId(), id -> orgs.find(id).filter(OrgView::active)
                    .orElseThrow(() -> new NotFoundException("user.error.org")));
            String username = r.username().strip();
            if (!USERNAME.matcher(username).matches()) {
                throw new DomainException("user.username.pattern");
            }
            if (!seen.add(username.toLowerCase(Locale.ROOT))) {
                throw new DomainException("user.error.usernameTaken", username);
            }
            if (r.displayName().isBlank() || r.displayName().strip().length() > 100) {
                throw new DomainException("accounts.error.name");
            }
            homes.put(home.id(), home);
        }
        Set<String> taken = store.takenUsernames(seen);
        if (!taken.isEmpty()) {
            throw new DomainException("user.error.usernameTaken", String.join("、", taken));
        }
        List<IssuedAccount> issued = new ArrayList<>();
        for (AccountRequest r : requests) {
            String username = r.username().strip();
            String password = FirstPasswords.generate();
            PasswordPolicy.check(username, password);
            long id = store.insert(r.orgId(), username, r.displayName().strip(), encoder.encode(password),
                    Texts.blankToNull(r.phone()), Texts.blankToNull(r.email()));
            store.requirePasswordChange(id, true);
            store.replaceGrants(id, List.of(new UserStore.StoredGrant(r.role(), r.orgId())));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("username", username);
            after.put("displayName", r.displayName().strip());
            after.put("orgId", r.orgId());
            after.put("phone", Masking.phone(Texts.blankToNull(r.phone())));
            after.put("email", Texts.blankToNull(r.email()));
            after.put("grants", List.of(r.role().name() + "@" + r.orgId()));
            after.put("firstPassword", "generated, to be changed at first sign-in");
            after.put("source", source);
            audit.record(r.orgId(), UserAdministration.AUDIT_TYPE, id, "CREATED", null, after);
            issued.add(new IssuedAccount(id, username, r.displayName().strip(), r.orgId(),
                    homes.get(r.orgId()).name(), Texts.blankToNull(r.email()), password));
        }
        return issued;
    }
}
