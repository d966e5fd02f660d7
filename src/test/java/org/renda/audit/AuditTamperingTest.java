package org.renda.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renda.audit.ChainAttacker.Row;
import org.renda.audit.ChainVerification.Break;
import org.renda.audit.ChainVerification.Kind;
import org.renda.shared.SystemContext;
import org.renda.shared.signing.Signer;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.renda.identity.Logins;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Someone with write access to the database tampers with the audit log the way a careful forger would
 * (recomputing every hash, moving the head); each kind of tampering is found, with the range it touched.
 * The chain built for each test: checkpoint A, entries e1–e3, checkpoint B, entries e4–e6, checkpoint C, then
 * e7–e8 not yet signed.
 */
@RendaIntegrationTest
class AuditTamperingTest {

    @Autowired AuditTrail trail;
    @Autowired CheckpointBook book;
    @Autowired AuditChainCommand command;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired TransactionTemplate tx;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @TempDir Path dir;

    private ChainAttacker attacker;
    private ChainAttacker.Snapshot before;
    private final long[] e = new long[9];
    private Checkpoint a;
    private Checkpoint b;
    private Checkpoint c;

    @BeforeEach
    void buildASignedChain() {
        attacker = new ChainAttacker(jdbc, template);
        a = trail.checkpoint();
        for (int i = 1; i <= 8; i++) {
            e[i] = append("e" + i);
            if (i == 3) {
                b = trail.checkpoint();
            } else if (i == 6) {
                c = trail.checkpoint();
            }
        }
        assertThat(trail.verify().breaks()).isEmpty();
        before = attacker.snapshot(e[1]);
    }

    @AfterEach
    void restoreTheChain() {
        attacker.restore(before);
        assertThat(trail.verify().breaks()).isEmpty();
    }

    private long append(String name) {
        tx.executeWithoutResult(s -> SystemContext.run(() -> trail.record(1, "tamper_probe", name, "UPDATED",
                Map.of("name", name), Map.of("name", name + "'"))));
        return attacker.headSeq();
    }

    /** The signed heads around an entry: the last one before it and the first one at or after it. */
    private long signedBefore(long seq) {
        return attacker.checkpoints().stream().mapToLong(Checkpoint::headSeq).filter(h -> h < seq).max().orElse(0);
    }

    private long signedFrom(long seq) {
        return attacker.checkpoints().stream().mapToLong(Checkpoint::headSeq).filter(h -> h >= seq).min()
                .orElseThrow();
    }

    private long lastSigned() {
        return attacker.checkpoints().stream().mapToLong(Checkpoint::headSeq).max().orElseThrow();
    }

    /**
     * What a chain rewritten from {@code from} on (and now ending at {@code newLast}) shows against the signed
     * heads: the first disagreeing one bounds the rewritten range, later ones disagree too, heads past the new end
     * vouch for entries that are gone. Computed from the checkpoints, as the run of
     * {@code renda.audit.checkpoint-every} entries may add one among the test's own.
     */
    private List<Break> rewritten(long from, long newLast) {
        List<Long> heads = attacker.checkpoints().stream().map(Checkpoint::headSeq).sorted().toList();
        long lastGood = heads.stream().filter(h -> h < from).max(Long::compare).orElse(0L);
        List<Long> bad = heads.stream().filter(h -> h >= from && h <= newLast).toList();
        List<Break> out = new ArrayList<>();
        if (!bad.isEmpty()) {
            out.add(br(Kind.REWRITTEN, lastGood + 1, bad.get(0)));
            if (bad.size() > 1) {
                out.add(br(Kind.REHASHED, bad.get(0) + 1, bad.get(bad.size() - 1)));
            }
        }
        heads.stream().filter(h -> h > newLast).max(Long::compare)
                .ifPresent(h -> out.add(br(Kind.TRUNCATED, newLast + 1, h)));
        return out;
    }

    private static Break br(Kind kind, long from, long to) {
        return new Break(kind, from, to);
    }

    @Test
    void cuttingTheTailAndMovingTheHeadBackIsFoundAsTheSignedEntriesThatAreGone() {
        attacker.rewriteFrom(e[5], List.of());

        ChainVerification v = trail.verify();

        assertThat(v.breaks()).containsExactlyElementsOf(rewritten(e[5], e[5] - 1))
                .containsExactly(br(Kind.TRUNCATED, e[5], lastSigned()));
        var out = new ByteArrayOutputStream();
        assertThat(command.check(null, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isEqualTo(AuditChainCommand.BROKEN);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("第 " + e[5] + "–" + lastSigned() + " 条记录已被签名或由链头记载，现已不存在");
    }

    @Test
    void editingAnEntryAndRehashingEverythingAfterItDisagreesWithTheSignedHeads() {
        List<Row> tail = new ArrayList<>(attacker.rowsFrom(e[2]));
        tail.set(0, tail.get(0).withAfter("{\"name\":\"伪造\"}"));
        attacker.rewriteFrom(e[2], tail);

        ChainVerification v = trail.verify();

        assertThat(v.breaks()).containsExactlyElementsOf(rewritten(e[2], e[8]))
                .startsWith(br(Kind.REWRITTEN, signedBefore(e[2]) + 1, signedFrom(e[2])))
                .contains(br(Kind.REHASHED, signedFrom(e[2]) + 1, lastSigned()));
        assertThat(v.firstBrokenSeq()).isEqualTo(signedBefore(e[2]) + 1).isLessThanOrEqualTo(e[2]);
    }

    @Test
    void deletingAnEntryAndRenumberingTheRestIsFound() {
        List<Row> tail = new ArrayList<>(attacker.rowsFrom(e[5]));
        tail.remove(0);
        attacker.rewriteFrom(e[5], tail);

        assertThat(trail.verify().breaks()).containsExactlyElementsOf(rewritten(e[5], e[8] - 1))
                .startsWith(br(Kind.REWRITTEN, signedBefore(e[5]) + 1, signedFrom(e[5])));
    }

    @Test
    void deletingCheckpointsIsFoundInTheirNumbersAndAgainstTheHeldCopy() {
        String held = new String(trail.exportCheckpoints(), StandardCharsets.UTF_8);
        jdbc.sql("delete from audit_checkpoint where num = ?").param(b.number()).update();

        assertThat(trail.verify().breaks()).containsExactly(br(Kind.CHECKPOINT_MISSING, b.number(), b.number()));

        // The newest checkpoint leaves no gap in the numbers: only a copy held outside the database shows it.
        long newest = attacker.checkpoints().get(attacker.checkpoints().size() - 1).number();
        jdbc.sql("delete from audit_checkpoint where num = ?").param(newest).update();
        assertThat(trail.verifyAgainst(held).breaks()).containsExactlyElementsOf(newest == b.number() + 1
                ? List.of(br(Kind.CHECKPOINT_MISSING, b.number(), newest))
                : List.of(br(Kind.CHECKPOINT_MISSING, b.number(), b.number()),
                        br(Kind.CHECKPOINT_MISSING, newest, newest)));
    }

    @Test
    void aForgedOrEditedCheckpointFailsItsSignatureWhicheverColumnWasChanged() {
        String forgedHash = attacker.row(e[4]).hash();
        Map<String, Object> edits = Map.of("head_seq", e[4], "head_hash", forgedHash, "previous", "0".repeat(64),
                "signature", b.signature(), "signed_at", java.time.OffsetDateTime.now());
        for (var edit : edits.entrySet()) {
            jdbc.sql("update audit_checkpoint set " + edit.getKey() + " = ? where num = ?")
                    .params(edit.getValue(), c.number()).update();

            assertThat(trail.verify().breaks()).as(edit.getKey())
                    .contains(br(Kind.CHECKPOINT_FORGED, c.number(), c.number()));
            attacker.restore(before);
        }
        for (String column : List.of("key_fingerprint", "public_key")) {
            jdbc.sql("update audit_checkpoint set " + column + " = ? where num = ?")
                    .params(column.equals("public_key") ? Signer.ofKeyFile(dir.resolve("x.key"), "k").publicKey()
                            : "1".repeat(64), c.number()).update();
            assertThat(trail.verify().breaks()).as(column).contains(br(Kind.CHECKPOINT_KEY, c.number(), c.number()));
            attacker.restore(before);
        }
    }

    @Test
    void swappingTheKeyFileAndResigningEverythingIsFoundByThePinnedFingerprint() {
        String held = new String(trail.exportCheckpoints(), StandardCharsets.UTF_8);
        String pinned = trail.signingKeyFingerprint();
        List<Row> tail = new ArrayList<>(attacker.rowsFrom(e[2]));
        tail.set(0, tail.get(0).withAfter("{\"name\":\"伪造\"}"));
        attacker.rewriteFrom(e[2], tail);
        Signer forger = Signer.ofKeyFile(dir.resolve("swapped.key"), "forged key");
        // The forger re-signs heads of the rewritten chain too: the database is consistent with the new key.
        jdbc.sql("update audit_checkpoint set head_hash = (select hash from audit_event where seq = head_seq)")
                .update();
        attacker.resignAll(forger);
        long n = attacker.checkpoints().size();

        // The installation still holding the real key: every checkpoint is signed by a stranger.
        assertThat(trail.verify().breaks()).contains(br(Kind.CHECKPOINT_KEY, 1, n));
        // The key file swapped as well: the configured fingerprint no longer matches.
        ChainVerification swapped = trail.verify(new ChainVerifier(forger.publicKey(), pinned, book.all(), List.of()));
        assertThat(swapped.breaks()).containsExactly(br(Kind.KEY_CHANGED, 0, 0));
        // No fingerprint configured: the auditor's exported copy names the real key and the real heads.
        ChainVerification againstCopy = trail.verify(
                new ChainVerifier(forger.publicKey(), null, book.all(), book.parse(held)));
        assertThat(againstCopy.breaks()).contains(br(Kind.KEY_CHANGED, 0, 0),
                br(Kind.REWRITTEN, signedBefore(e[2]) + 1, signedFrom(e[2])));
    }

    @Test
    void insertingAnEntryIsFoundWhetherRenumberedIntoTheChainOrPutPastTheHead() {
        List<Row> tail = new ArrayList<>(attacker.rowsFrom(e[4]));
        tail.add(1, tail.get(0).withAfter("{\"name\":\"插入\"}"));
        attacker.rewriteFrom(e[4], tail);

        assertThat(trail.verify().breaks()).containsExactlyElementsOf(rewritten(e[4], e[8] + 1))
                .startsWith(br(Kind.REWRITTEN, signedBefore(e[4]) + 1, signedFrom(e[4])));

        attacker.restore(before);
        long past = e[8] + 1;
        attacker.insert(List.of(attacker.row(e[8]).withSeq(past).linked(attacker.row(e[8]).hash())));
        assertThat(trail.verify().breaks()).containsExactly(br(Kind.HEAD, past, past));
    }

    @Test
    void reorderingEntriesAndRehashingIsFound() {
        List<Row> tail = new ArrayList<>(attacker.rowsFrom(e[4]));
        Collections.swap(tail, 0, 1);
        attacker.rewriteFrom(e[4], tail);

        assertThat(trail.verify().breaks()).containsExactlyElementsOf(rewritten(e[4], e[8]))
                .startsWith(br(Kind.REWRITTEN, signedBefore(e[4]) + 1, signedFrom(e[4])));
    }

    @Test
    void changingTheHeadRowOnlyIsFound() {
        attacker.moveHead(e[8], "f".repeat(64));
        assertThat(trail.verify().breaks()).containsExactly(br(Kind.HEAD, e[8], e[8]));

        attacker.moveHead(e[6], attacker.row(e[6]).hash());
        assertThat(trail.verify().breaks()).containsExactly(br(Kind.HEAD, e[7], e[8]));
    }

    @Test
    void editingAnyColumnOfAnEntryIsFoundAtThatEntryEvenBelowTheMillisecond() {
        Row r = attacker.row(e[7]);
        Map<String, Function<Row, Object>> edits = Map.of(
                "occurred_at", x -> x.occurredAt().plusNanos(1_000),
                "org_id", x -> x.orgId() + 1,
                "actor", x -> "someone",
                "action", x -> "DELETED",
                "entity_type", x -> "organisation",
                "entity_id", x -> "42",
                "before_state", x -> "{}",
                "after_state", x -> "{}",
                "prev_hash", x -> "a".repeat(64),
                "hash", x -> "b".repeat(64));
        for (var edit : edits.entrySet()) {
            jdbc.sql("update audit_event set " + edit.getKey() + " = ? where seq = ?")
                    .params(edit.getValue().apply(r), r.seq()).update();

            List<Break> breaks = trail.verify().breaks();
            assertThat(breaks).as(edit.getKey()).isNotEmpty()
                    .allMatch(x -> x.from() >= r.seq() && x.to() <= r.seq() + 1);
            assertThat(breaks.get(0)).as(edit.getKey()).isEqualTo(br(Kind.CONTENT, r.seq(), r.seq()));
            attacker.restore(before);
        }
    }

    @Test
    void truncatingEverythingIsFoundFromTheCheckpointsAndFromTheHeldCopyWhenTheyAreGoneToo() {
        String held = new String(trail.exportCheckpoints(), StandardCharsets.UTF_8);
        long count = attacker.checkpoints().size();
        ChainAttacker.Snapshot everything = attacker.snapshot(1);
        jdbc.sql("delete from audit_event").update();
        attacker.moveHead(0, ChainHash.GENESIS);

        assertThat(trail.verify().breaks()).containsExactly(br(Kind.TRUNCATED, 1, lastSigned()));

        long signed = lastSigned();
        jdbc.sql("delete from audit_checkpoint").update();
        assertThat(trail.verifyAgainst(held).breaks()).containsExactly(br(Kind.TRUNCATED, 1, signed),
                br(Kind.CHECKPOINT_MISSING, 1, count));
        attacker.restore(everything);
    }

    @Test
    void aCopyOfTheCheckpointsIsKeptOutsideTheDatabaseAndAHeldCopyThatWasEditedIsRefused() {
        // The copy file of this context holds what it signed: delete those checkpoints, the copy still has them.
        long newest = attacker.checkpoints().get(attacker.checkpoints().size() - 1).number();
        jdbc.sql("delete from audit_checkpoint where num >= ?").param(b.number()).update();
        assertThat(trail.verify().breaks()).contains(br(Kind.CHECKPOINT_MISSING, b.number(), newest));
        attacker.restore(before);

        String held = new String(trail.exportCheckpoints(), StandardCharsets.UTF_8)
                .replace(c.headHash(), attacker.row(e[5]).hash());
        assertThat(trail.verifyAgainst(held).breaks()).contains(br(Kind.COPY_INVALID, c.number(), c.number()));
    }

    @Test
    void anAdministratorDownloadsTheCheckpointsSignsOneAndSeesEveryBrokenRangeInChinese() throws Exception {
        var download = mvc.perform(get("/audit/checkpoints.json").with(Logins.as(accounts, "admin"))).andReturn()
                .getResponse();
        assertThat(download.getHeader("Content-Disposition")).contains("audit-checkpoints.json");
        String held = download.getContentAsString(StandardCharsets.UTF_8);
        assertThat(held).contains("\"keyFingerprint\" : \"" + trail.signingKeyFingerprint() + "\"",
                "\"signature\"");
        assertThat(mvc.perform(get("/audit/checkpoints.json").with(Logins.as(accounts, "anlan.staff"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);

        attacker.moveHead(e[6], attacker.row(e[6]).hash());
        jdbc.sql("delete from audit_checkpoint where num = ?").param(b.number()).update();
        var verify = mvc.perform(multipart("/audit/verify")
                        .file(new MockMultipartFile("copy", "audit-checkpoints.json", "application/json",
                                held.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(Logins.as(accounts, "admin")))
                .andReturn();
        String page = mvc.perform(get("/audit").flashAttrs(verify.getFlashMap()).with(Logins.as(accounts, "admin")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("发现 2 处篡改", "链头与第 " + e[7] + "–" + e[8] + " 条记录不符",
                "第 " + b.number() + " 号签名检查点缺失", trail.signingKeyFingerprint());

        attacker.restore(before);
        var signed = mvc.perform(post("/audit/checkpoint").with(csrf()).with(Logins.as(accounts, "admin")))
                .andReturn();
        String after = mvc.perform(get("/audit").flashAttrs(signed.getFlashMap()).with(Logins.as(accounts, "admin")))
                .andReturn().getResponse().getContentAsString();
        assertThat(after).contains("已签署第 " + (c.number() + 1) + " 号检查点，覆盖至第 " + e[8] + " 条记录");
        // The copy file outside the database keeps the checkpoint just signed: so does the snapshot restored after.
        before = attacker.snapshot(e[1]);
    }
}
