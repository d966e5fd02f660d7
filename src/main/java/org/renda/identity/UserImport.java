package org.renda.identity;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.renda.identity.BulkAccounts.AccountRequest;
import org.renda.identity.BulkAccounts.IssuedAccount;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.Role;
import org.renda.shared.excel.ImportRejected;
import org.renda.shared.excel.RowError;
import org.renda.shared.excel.Xlsx;
import org.renda.shared.validation.ChinesePhone;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users from an Excel sheet (.xlsx), one account per row: login name, name, unit code, role (its Chinese name or
 * code), mobile and e-mail. Every row is checked before anything is written, and every bad row is listed with its
 * number ("第 5 行：…"); one bad row and nothing is created. A unit must be one the importer may create accounts in,
 * and the role one they may give there ({@link GrantPolicy}): a town clerk imports the town's people, with the
 * roles a clerk holds. Each account gets a generated first password, to be changed at first sign-in.
 */
@Service
public class UserImport {

    static final String SHEET = "用户";
    static final String USERNAME = "登录名";
    static final String NAME = "姓名";
    static final String ORG = "单位编码";
    static final String ROLE = "角色";
    static final String PHONE = "手机";
    static final String EMAIL = "邮箱";
    static final List<String> HEADERS = List.of(USERNAME, NAME, ORG, ROLE, PHONE, EMAIL);
    static final List<String> REQUIRED = List.of(USERNAME, NAME, ORG, ROLE);
    private static final Pattern MAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final BulkAccounts bulk;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final MessageSource messages;

    UserImport(BulkAccounts bulk, OrgTree orgs, CurrentActor currentActor, MessageSource messages) {
        this.bulk = bulk;
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.messages = messages;
    }

    /** The headers and one example row, to be overwritten. */
    public byte[] template() {
        requireCreator();
        return Xlsx.write(SHEET, HEADERS, List.of(List.of("anlan.wangfang", "王芳", "QH-AL",
                label(Role.STAFF), "13800000000", "wangfang@example.cn")));
    }

    /** Creates every row's account, or none: {@link ImportRejected} lists each bad row. */
    @Transactional
    public List<IssuedAccount> importSheet(InputStream in) {
        Actor actor = requireCreator();
        List<Xlsx.SheetRow> rows = Xlsx.read(in, REQUIRED);
        List<RowError> errors = new ArrayList<>();
        Map<String, Optional<OrgView>> byCode = new HashMap<>();
        Map<String, Integer> firstRow = new HashMap<>();
        Map<Integer, AccountRequest> requests = new java.util.LinkedHashMap<>();
        for (Xlsx.SheetRow row : rows) {
            int before = errors.size();
            String username = row.get(USERNAME).strip();
            String name = row.get(NAME).strip();
            String code = row.get(ORG).strip();
            String roleText = row.get(ROLE).strip();
            String phone = row.get(PHONE).replaceAll("[\\s-]", "");
            String email = row.get(EMAIL).strip();
            for (String column : REQUIRED) {
                if (row.get(column).isBlank()) {
                    errors.add(new RowError(row.number(), "accounts.import.required", column));
                }
            }
            if (!username.isEmpty()) {
                if (!BulkAccounts.USERNAME.matcher(username).matches()) {
                    errors.add(new RowError(row.number(), "accounts.import.username", username));
                } else {
                    Integer first = firstRow.putIfAbsent(username.toLowerCase(Locale.ROOT), row.number());
                    if (first != null) {
                        errors.add(new RowError(row.number(), "accounts.import.usernameTwice", username,
                                String.valueOf(first)));
                    }
                }
            }
            if (name.length() > 100) {
                errors.add(new RowError(row.number(), "accounts.import.nameLong"));
            }
            OrgView org = null;
            if (!code.isEmpty()) {
                // one answer for unknown and foreign codes: the sheet must not tell which exist elsewhere
                Optional<OrgView> found = byCode.computeIfAbsent(code, orgs::findByCode)
                        .filter(o -> actor.can(Permission.USER_CREATE, o.id()));
                if (found.isEmpty()) {
                    errors.add(new RowError(row.number(), "accounts.import.org", code));
                } else if (!found.get().active()) {
                    errors.add(new RowError(row.number(), "accounts.import.orgInactive", code));
                } else {
                    org = found.get();
                }
            }
            Role role = null;
            if (!roleText.isEmpty()) {
                role = role(roleText);
                if (role == null) {
                    errors.add(new RowError(row.number(), "accounts.import.role", roleText));
                } else if (org != null && !GrantPolicy.mayCreate(actor, role, org.id())) {
                    errors.add(new RowError(row.number(), "accounts.import.roleRefused", label(role), code));
                }
            }
            if (!phone.isEmpty() && !ChinesePhone.Validator.accepts(phone)) {
                errors.add(new RowError(row.number(), "accounts.import.phone", row.get(PHONE)));
            }
            if (!email.isEmpty() && (email.length() > 200 || !MAIL.matcher(email).matches())) {
                errors.add(new RowError(row.number(), "accounts.import.email", email));
            }
            if (errors.size() == before && org != null && role != null) {
                requests.put(row.number(), new AccountRequest(username, name, org.id(), blank(phone), blank(email),
                        role));
            }
        }
        Set<String> taken = bulk.taken(firstRow.keySet());
        for (var e : firstRow.entrySet()) {
            if (taken.contains(e.getKey())) {
                errors.add(new RowError(e.getValue(), "accounts.import.usernameTaken", e.getKey()));
            }
        }
        if (rows.isEmpty()) {
            errors.add(new RowError(1, "accounts.import.empty"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(RowError::row));
            throw new ImportRejected(errors);
        }
        return bulk.create(List.copyOf(requests.values()), "import");
    }

    private Actor requireCreator() {
        Actor actor = currentActor.require();
        if (!actor.canAny(Permission.USER_CREATE)) {
            throw new NotFoundException("error.notFound");
        }
        return actor;
    }

    /** A role by its Chinese name (as the template shows it), English name or code. */
    private @Nullable Role role(String text) {
        for (Role r : Role.values()) {
            if (r.name().equalsIgnoreCase(text) || label(r).equals(text)
                    || messages.getMessage(r.messageKey(), null, "", Locale.ENGLISH).equalsIgnoreCase(text)) {
                return r;
            }
        }
        return null;
    }

    private String label(Role role) {
        return messages.getMessage(role.messageKey(), null, role.name(), Locale.SIMPLIFIED_CHINESE);
    }

    private static @Nullable String blank(String s) {
        return s.isBlank() ? null : s;
    }
}
