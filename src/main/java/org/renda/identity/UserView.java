package org.renda.identity;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.shared.Masking;
import org.renda.shared.Role;

/** A user as screens and other modules see it. The phone is kept whole only for the detail page. */
public record UserView(long id, String username, String displayName, long orgId, @Nullable String phone,
        @Nullable String email, boolean enabled, @Nullable Instant lockedUntil, int version, List<GrantView> grants) {

    public record GrantView(Role role, long orgId, String orgCode, String orgName) {}

    public String maskedPhone() {
        return Masking.phone(phone);
    }

    public boolean locked() {
        return lockedUntil != null && lockedUntil.isAfter(Instant.now());
    }
}
