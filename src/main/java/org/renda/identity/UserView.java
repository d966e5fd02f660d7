package org.renda.identity;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.shared.Masking;
import org.renda.shared.Role;

/**
 * A user as screens and other modules see it. {@code phone} is whole only for a reader who may edit the user
 * (masked otherwise); {@code lockedUntil} is when a wait after repeated failed sign-ins ends, if one is running.
 */
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
