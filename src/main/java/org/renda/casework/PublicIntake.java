package org.renda.casework;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.renda.casework.CaseDesk.PublicSubmission;
import org.renda.casework.CaseDesk.Receipt;
import org.renda.casework.CaseDesk.Upload;
import org.renda.org.OrgEvents;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the public doors (the partner API and the public web form) share: the congresses a citizen can
 * address, the categories, and a submission that survives a race on its idempotency key.
 *
 * <p>Two requests with one key may both miss the look-up and both insert; the unique constraint on
 * {@code case_item.idempotency_key} lets exactly one commit. The loser's transaction has failed and is
 * rolled back when the exception leaves {@link CaseDesk}; {@link #submit} then asks again in a new
 * transaction (it runs outside any, {@link Propagation#NOT_SUPPORTED}), which finds the winner's
 * case and answers its receipt.
 */
@Component
class PublicIntake {

    private static final Logger log = LoggerFactory.getLogger(PublicIntake.class);

    static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    static final Set<OrgType> ADDRESSABLE = Set.of(OrgType.COUNTY, OrgType.TOWN, OrgType.STREET);
    static final Duration ORGS_TTL = Duration.ofMinutes(5);
    static final String TRACK_PATH = "/public/opinions/track/";

    /** A congress the public can address: a town or street, or a county's standing committee. */
    record PublicOrg(String code, String name, OrgType type, @Nullable String parentName) {}

    /** The addressable congresses under one county (or city) for a grouped select. */
    record OrgGroup(String name, List<PublicOrg> orgs) {}

    private record Snapshot(List<PublicOrg> orgs, long loadedAt) {}

    private final CaseDesk desk;
    private final OrgTree tree;
    private final @Nullable String baseUrl;
    private volatile @Nullable Snapshot snapshot;
    private final java.util.concurrent.atomic.AtomicLong races = new java.util.concurrent.atomic.AtomicLong();

    PublicIntake(CaseDesk desk, OrgTree tree, @Value("${renda.public-base-url:}") String baseUrl) {
        this.desk = desk;
        this.tree = tree;
        String b = baseUrl.strip().replaceAll("/+$", "");
        this.baseUrl = b.isEmpty() ? null : b;
    }

    /**
     * Registers the submission; with a key, a retry (or a concurrent twin) answers the first receipt.
     * The same key with different content fails with {@link CaseDesk#IDEMPOTENCY_CONFLICT}.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Receipt submit(PublicSubmission s, @Nullable String idempotencyKey, List<Upload> files) {
        for (int attempt = 1; ; attempt++) {
            try {
                return desk.submitPublic(s, idempotencyKey, files);
            } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
                // A twin with the same key committed first (or, rarely, a receipt code collided, or the
                // database gave up a lock wait): our transaction is rolled back; look again in a new one.
                races.incrementAndGet();
                if (attempt >= 3) {
                    throw e;
                }
                log.debug("public submission raced (attempt {}): {}", attempt, e.getMessage());
            }
        }
    }

    /**
     * A submission from the web form. Its key belongs to the page that was shown: the same page sent twice gives
     * the first receipt; a page sent back with changes is a new opinion, not a retry, so it gets a key of its own.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Receipt submitFromPage(PublicSubmission s, @Nullable String pageKey, List<Upload> files) {
        if (pageKey != null) {
            Optional<Receipt> earlier = desk.receiptOfSame(s, pageKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            if (desk.keyTaken(pageKey)) {
                pageKey = PublicOpinionPages.newKey();
            }
        }
        return submit(s, pageKey, files);
    }

    /** How many submissions lost a race and were asked again (for tests and curious operators). */
    long races() {
        return races.get();
    }

    /** The congresses a citizen can address, by name within their county; cached for a few minutes. */
    List<PublicOrg> orgs() {
        Snapshot s = snapshot;
        if (s == null || System.nanoTime() - s.loadedAt() > ORGS_TTL.toNanos()) {
            s = new Snapshot(load(), System.nanoTime());
            snapshot = s;
        }
        return s.orgs();
    }

    List<OrgGroup> orgGroups() {
        Map<String, List<PublicOrg>> groups = new java.util.LinkedHashMap<>();
        for (PublicOrg o : orgs()) {
            String group = o.type() == OrgType.COUNTY || o.parentName() == null ? o.name() : o.parentName();
            groups.computeIfAbsent(group, k -> new ArrayList<>()).add(o);
        }
        return groups.entrySet().stream().map(e -> new OrgGroup(e.getKey(), e.getValue())).toList();
    }

    Optional<PublicOrg> org(@Nullable String code) {
        return code == null ? Optional.empty() : orgs().stream().filter(o -> o.code().equals(code.strip())).findFirst();
    }

    List<String> categories() {
        return desk.categories();
    }

    /** The address of the public tracking page of a receipt. */
    String trackUrl(String receiptCode) {
        String base = baseUrl != null ? baseUrl
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return base + TRACK_PATH + receiptCode;
    }

    @EventListener({OrgEvents.OrganisationCreated.class, OrgEvents.OrganisationMoved.class,
        OrgEvents.OrganisationDeactivated.class})
    void orgsChanged() {
        snapshot = null;
    }

    private List<PublicOrg> load() {
        List<OrgView> all = new ArrayList<>();
        for (OrgView root : tree.roots()) {
            all.addAll(tree.findAll(tree.subtreeIds(root.id())));
        }
        Map<Long, OrgView> byId = new HashMap<>();
        all.forEach(o -> byId.put(o.id(), o));
        // Each county first, then its towns and streets in the tree's order.
        Comparator<OrgView> order = Comparator.comparing((OrgView o) -> groupOf(o, byId).path())
                .thenComparing(o -> o.type() != OrgType.COUNTY).thenComparingInt(OrgView::sortOrder)
                .thenComparing(OrgView::code);
        return all.stream().filter(OrgView::active).filter(o -> ADDRESSABLE.contains(o.type())).sorted(order)
                .map(o -> new PublicOrg(o.code(), o.name(), o.type(),
                        o.parentId() == null || byId.get(o.parentId()) == null ? null : byId.get(o.parentId()).name()))
                .toList();
    }

    private static OrgView groupOf(OrgView o, Map<Long, OrgView> byId) {
        @Nullable OrgView parent = o.parentId() == null ? null : byId.get(o.parentId());
        return o.type() == OrgType.COUNTY || parent == null ? o : parent;
    }
}
