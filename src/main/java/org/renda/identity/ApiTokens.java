package org.renda.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.renda.audit.AuditTrail;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for the JSON API ("Authorization: Bearer rnd_..."). Only a SHA-256 of the token
 * is stored; the token itself is shown once, when it is issued.
 */
@Service
@Transactional
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "rnd_";

    private final JdbcClient jdbc;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    ApiTokens(JdbcClient jdbc, CurrentActor currentActor, AuditTrail audit) {
        this.jdbc = jdbc;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    /** A token as listed to its owner. */
    public record TokenView(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
            boolean revoked) {
        public boolean usable() {
            return !revoked && expiresAt.isAfter(Instant.now());
        }
    }

    /** Issues a token for the current user and returns its secret, which is not kept. */
    public String issue(String name, int days) {
        Actor actor = currentActor.require();
        if (name.isBlank() || name.length() > 100) {
            throw new DomainException("token.error.name");
        }
        if (days < 1 || days > 366) {
            throw new DomainException("token.error.days");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into api_token (user_id, org_id, name, token_hash, created_at, expires_at, revoked)
                values (?, ?, ?, ?, ?, ?, false)""")
                .params(actor.userId(), actor.homeOrgId(), name.strip(), hash(token), utc(now),
                        utc(now.plus(Duration.ofDays(days))))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(actor.homeOrgId(), "api_token", id, "ISSUED", null,
                Map.of("name", name.strip(), "userId", actor.userId(), "days", days));
        return token;
    }

    @Transactional(readOnly = true)
    public List<TokenView> mine() {
        return jdbc.sql("select * from api_token where user_id = ? order by id desc")
                .param(currentActor.require().userId())
                .query((rs, n) -> new TokenView(rs.getLong("id"), rs.getString("name"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("last_used_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null),
                        rs.getBoolean("revoked")))
                .list();
    }

    /**
     * Revokes one of the current user's tokens (again: a no-op). Anyone else's token, or none, answers 404: it is
     * not theirs to revoke, and a silent "revoked" would claim what did not happen.
     */
    public void revoke(long tokenId) {
        Actor actor = currentActor.require();
        boolean revoked = jdbc.sql("select revoked from api_token where id = ? and user_id = ?")
                .params(tokenId, actor.userId()).query(Boolean.class).optional()
                .orElseThrow(() -> new NotFoundException("error.notFound"));
        if (revoked) {
            return;
        }
        jdbc.sql("update api_token set revoked = true where id = ? and user_id = ?").params(tokenId, actor.userId())
                .update();
        audit.record(actor.homeOrgId(), "api_token", tokenId, "REVOKED", null, Map.of("userId", actor.userId()));
    }

    /** The user a presented token belongs to, if it is known, unrevoked and unexpired. */
    Optional<Long> authenticate(String token) {
        if (!token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String h = hash(token);
        Optional<Long> user = jdbc.sql("""
                select t.user_id from api_token t join app_user u on u.id = t.user_id
                where t.token_hash = ? and t.revoked = false and t.expires_at > ? and u.enabled = true""")
                .params(h, utc(Instant.now())).query(Long.class).optional();
        user.ifPresent(u -> jdbc.sql("update api_token set last_used_at = ? where token_hash = ?")
                .params(utc(Instant.now()), h).update());
        return user;
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
