package org.renda.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.shared.signing.Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The signed checkpoints: signing the head (within the transaction that holds the chain head lock), the
 * append-only table, the copy outside the database (one JSON line per checkpoint, appended after commit to
 * {@code renda.audit.checkpoint-copy-file}), and the export an auditor keeps.
 */
@Component
class CheckpointBook {

    static final String EXPORT_FORMAT = "renda-audit-checkpoints/1";
    private static final Logger log = LoggerFactory.getLogger(CheckpointBook.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Signer signer;
    private final @Nullable String pinnedFingerprint;
    private final long every;
    private final @Nullable Path copyFile;

    CheckpointBook(JdbcClient jdbc, ObjectMapper json,
            @Value("${renda.audit.signing-key-file:data/audit-signing.key}") String keyFile,
            @Value("${renda.audit.signing-key-fingerprint:}") String pinnedFingerprint,
            @Value("${renda.audit.checkpoint-every:100}") long every,
            @Value("${renda.audit.checkpoint-copy-file:data/audit-checkpoints.jsonl}") String copyFile) {
        this.jdbc = jdbc;
        this.json = json;
        this.signer = Signer.ofKeyFile(Path.of(keyFile), "audit signing key");
        this.pinnedFingerprint = pinnedFingerprint.isBlank() ? null : pinnedFingerprint.strip();
        this.every = every;
        this.copyFile = copyFile.isBlank() || "-".equals(copyFile.strip()) ? null : Path.of(copyFile.strip());
    }

    /** Whether the entry {@code seq} closes a run of {@code renda.audit.checkpoint-every} entries. */
    boolean due(long seq) {
        return every > 0 && seq % every == 0;
    }

    /**
     * Signs the head unless the last checkpoint already covers it. The caller holds the chain head lock, which
     * also orders checkpoints.
     */
    Checkpoint sign(long headSeq, String headHash) {
        return sign(ChainHash.ROOT, headSeq, headHash);
    }

    /** As {@link #sign(long, String)}, the head of one audit partition's chain; numbers count per chain. */
    Checkpoint sign(String chain, long headSeq, String headHash) {
        Checkpoint last = jdbc.sql("select * from audit_checkpoint where chain = ? order by num desc limit 1")
                .param(chain).query(CheckpointBook::map).optional().orElse(null);
        if (last != null && last.headSeq() == headSeq && last.headHash().equals(headHash)) {
            return last;
        }
        if (last != null && headSeq < last.headSeq()) {
            log.error("Signing audit head {} below the last checkpoint's {}: the chain was cut; --verify-audit "
                    + "reports it", headSeq, last.headSeq());
        }
        long number = last == null ? 1 : last.number() + 1;
        String previous = last == null ? ChainHash.genesis(chain) : last.digest();
        Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
        String fingerprint = signer.fingerprint();
        String signature = signer.sign(Checkpoint.signedText(number, headSeq, headHash, now, previous, fingerprint,
                chain));
        Checkpoint cp = new Checkpoint(number, headSeq, headHash, now, previous, fingerprint, signer.publicKey(),
                signature, chain);
        jdbc.sql("""
                insert into audit_checkpoint (num, head_seq, head_hash, signed_at, previous, key_fingerprint,
                                              public_key, signature, chain)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(number, headSeq, headHash, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), previous,
                        fingerprint, cp.publicKey(), signature, chain)
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    copyOut(cp);
                }
            });
        } else {
            copyOut(cp);
        }
        return cp;
    }

    /** The root chain's checkpoints. */
    List<Checkpoint> all() {
        return all(ChainHash.ROOT);
    }

    List<Checkpoint> all(String chain) {
        return jdbc.sql("select * from audit_checkpoint where chain = ? order by num").param(chain)
                .query(CheckpointBook::map).list();
    }

    /** A verifier of the root chain trusting the installation's key, fed the stored checkpoints and held copies. */
    ChainVerifier verifier(List<Checkpoint> heldCopy) {
        return verifier(ChainHash.ROOT, heldCopy);
    }

    /** A verifier of one partition's chain: its stored checkpoints and the held copies' checkpoints of it. */
    ChainVerifier verifier(String chain, List<Checkpoint> heldCopy) {
        List<Checkpoint> copies = new ArrayList<>(copied());
        copies.addAll(heldCopy);
        copies.removeIf(cp -> !cp.chain().equals(chain));
        return new ChainVerifier(chain, signer.publicKey(), pinnedFingerprint, all(chain), copies);
    }

    String fingerprint() {
        return signer.fingerprint();
    }

    /** Every checkpoint as the JSON file an auditor keeps outside the installation. */
    byte[] export() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", EXPORT_FORMAT);
        doc.put("keyFingerprint", signer.fingerprint());
        doc.put("publicKey", signer.publicKey());
        doc.put("exportedAt", Instant.ofEpochMilli(System.currentTimeMillis()).toString());
        doc.put("checkpoints", jdbc.sql("select * from audit_checkpoint order by chain, num")
                .query(CheckpointBook::map).list().stream().map(CheckpointBook::toJson).toList());
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
    }

    /**
     * Reads checkpoints from an exported file or from the copy file (one JSON object per line).
     *
     * @throws IllegalArgumentException when the text is neither
     */
    List<Checkpoint> parse(String text) {
        try {
            String trimmed = text.strip();
            if (trimmed.isEmpty()) {
                return List.of();
            }
            List<Checkpoint> out = new ArrayList<>();
            JsonNode whole = trimmed.startsWith("{") && trimmed.contains("\"checkpoints\"") ? json.readTree(trimmed)
                    : null;
            if (whole != null && whole.path("checkpoints").isArray()) {
                for (JsonNode n : whole.path("checkpoints")) {
                    out.add(fromJson(n));
                }
                return out;
            }
            for (String line : trimmed.split("\\R")) {
                if (!line.isBlank()) {
                    out.add(fromJson(json.readTree(line)));
                }
            }
            return out;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a checkpoint file", e);
        }
    }

    private List<Checkpoint> copied() {
        if (copyFile == null || !Files.exists(copyFile)) {
            return List.of();
        }
        try {
            return parse(Files.readString(copyFile, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            log.error("The audit checkpoint copy {} cannot be read", copyFile.toAbsolutePath(), e);
            return List.of();
        }
    }

    private synchronized void copyOut(Checkpoint cp) {
        if (copyFile == null) {
            return;
        }
        try {
            if (copyFile.toAbsolutePath().getParent() != null) {
                Files.createDirectories(copyFile.toAbsolutePath().getParent());
            }
            Files.writeString(copyFile, json.writeValueAsString(toJson(cp)) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            // The checkpoint is committed and signed; only the outside copy lags. Loud, not fatal.
            log.error("Audit checkpoint {} could not be copied to {}", cp.number(), copyFile.toAbsolutePath(), e);
        }
    }

    private static Map<String, Object> toJson(Checkpoint cp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", cp.number());
        m.put("headSeq", cp.headSeq());
        m.put("headHash", cp.headHash());
        m.put("signedAt", cp.signedAt().toString());
        m.put("previous", cp.previous());
        m.put("keyFingerprint", cp.keyFingerprint());
        m.put("publicKey", cp.publicKey());
        m.put("signature", cp.signature());
        if (!ChainHash.ROOT.equals(cp.chain())) {
            m.put("chain", cp.chain());
        }
        return m;
    }

    private static Checkpoint fromJson(JsonNode n) {
        for (String field : List.of("number", "headSeq", "headHash", "signedAt", "previous", "keyFingerprint",
                "publicKey", "signature")) {
            if (n.path(field).isMissingNode() || n.path(field).isNull()) {
                throw new IllegalArgumentException("Missing " + field);
            }
        }
        return new Checkpoint(n.path("number").asLong(), n.path("headSeq").asLong(), n.path("headHash").asString(),
                Instant.parse(n.path("signedAt").asString()), n.path("previous").asString(),
                n.path("keyFingerprint").asString(), n.path("publicKey").asString(), n.path("signature").asString(),
                n.path("chain").isString() ? n.path("chain").asString() : ChainHash.ROOT);
    }

    private static Checkpoint map(ResultSet rs, int n) throws SQLException {
        return new Checkpoint(rs.getLong("num"), rs.getLong("head_seq"), rs.getString("head_hash"),
                rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("previous"),
                rs.getString("key_fingerprint"), rs.getString("public_key"), rs.getString("signature"),
                rs.getString("chain"));
    }
}
