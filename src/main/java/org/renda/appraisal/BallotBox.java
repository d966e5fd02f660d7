package org.renda.appraisal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.renda.appraisal.VoteViews.Ballot;
import org.renda.appraisal.VoteViews.LevelView;
import org.renda.appraisal.VoteViews.SubjectView;
import org.renda.appraisal.VoteViews.VoteState;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ballot box: takes a ballot with a one-time code. Spending the credential and storing the ballot are
 * one transaction that touches neither the roll nor the audit log, asks nobody who is signed in, and logs
 * nothing: the ballot row holds a random id, the vote and the choices, no user, no time, no sequence.
 *
 * <p>Exactly once: {@code update vote_credential set spent = true where code_hash = ? and spent = false}
 * changes one row for exactly one of any number of concurrent submissions of the same code; the others see
 * 0 rows and are refused. The vote row is locked while open, so a ballot and the close cannot interleave.
 */
@Service
public class BallotBox {

    /** The alphabet of one-time codes: no 0/O, 1/I; 10 characters = 50 bits. */
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int CODE_LENGTH = 10;

    private final VoteStore store;

    BallotBox(VoteStore store) {
        this.store = store;
    }

    /** The voting page's content: subjects and levels, by the vote's public code; no sign-in needed. */
    @Transactional(readOnly = true)
    public Ballot ballot(String publicCode) {
        VoteStore.Row v = store.byPublicCode(publicCode).orElseThrow(() -> new NotFoundException("error.notFound"));
        return new Ballot(publicCode, v.summary().title(), v.summary().state(), store.levels(v.summary().id()),
                store.subjects(v.summary().id()));
    }

    /**
     * Casts a ballot: {@code choices} maps every subject id to a level code. The code is refused when it is
     * unknown or already spent (one message for both, so codes cannot be probed).
     */
    @Transactional
    public void cast(String publicCode, String code, Map<Long, String> choices) {
        VoteStore.Row v = store.byPublicCode(publicCode).orElseThrow(() -> new NotFoundException("error.notFound"));
        long voteId = v.summary().id();
        if (v.summary().state() != VoteState.OPEN || store.lockOpen(voteId) == 0) {
            throw new DomainException("vote.error.notOpen");
        }
        List<SubjectView> subjects = store.subjects(voteId);
        Set<String> levels = store.levels(voteId).stream().map(LevelView::code).collect(Collectors.toSet());
        Map<Long, String> ballot = new TreeMap<>();
        for (SubjectView s : subjects) {
            String level = choices.get(s.id());
            if (level == null || !levels.contains(level)) {
                throw new DomainException("vote.error.incomplete", s.title());
            }
            ballot.put(s.id(), level);
        }
        if (choices.size() != subjects.size()) {
            throw new DomainException("vote.error.incomplete", "");
        }
        String normalized = normalize(code);
        if (normalized.length() != CODE_LENGTH || store.spend(voteId, hash(voteId, normalized)) != 1) {
            throw new DomainException("vote.error.code");
        }
        store.insertBallot(UUID.randomUUID(), voteId, v.summary().orgId(), encode(ballot));
    }

    static String newCode() {
        return org.renda.shared.RandomCodes.of(CODE_LENGTH, ALPHABET);
    }

    /** How codes are printed: two groups of five. */
    static String display(String code) {
        return code.substring(0, 5) + "-" + code.substring(5);
    }

    static String normalize(String code) {
        return code.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s\\-]", "");
    }

    /** Only this hash is stored; the code itself exists on the slip drawn in the room. */
    static String hash(long voteId, String normalizedCode) {
        return ResultSeal.sha256(("renda-vote:" + voteId + ":" + normalizedCode).getBytes(StandardCharsets.UTF_8));
    }

    static String encode(Map<Long, String> choices) {
        return new TreeMap<>(choices).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    static Map<Long, String> decode(String choices) {
        Map<Long, String> out = new HashMap<>();
        for (String part : choices.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(Long.parseLong(part.substring(0, eq)), part.substring(eq + 1));
            }
        }
        return out;
    }
}
