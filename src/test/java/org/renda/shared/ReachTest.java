package org.renda.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReachTest {

    record Row(long id, long orgId) {}

    private static Actor user(Map<Permission, Set<Long>> reach) {
        return new Actor(7, "anlan.staff", "张丽", 5, List.of(), reach);
    }

    @Test
    void aUserReachesExactlyTheOrganisationsOfTheirGrants() {
        Reach reach = user(Map.of(Permission.CASE_READ, Set.of(5L, 6L))).reach(Permission.CASE_READ);
        assertThat(reach.covers(5)).isTrue();
        assertThat(reach.covers(9)).isFalse();
        assertThat(reach.isEmpty()).isFalse();
        assertThat(reach.coversAll(List.of(5L, 6L))).isTrue();
        assertThat(reach.coversAll(List.of(5L, 9L))).isFalse();
    }

    @Test
    void withoutThePermissionNothingIsCoveredAndStoresNeedNotAsk() {
        Reach reach = user(Map.of(Permission.CASE_READ, Set.of(5L))).reach(Permission.CASE_WRITE);
        assertThat(reach.isEmpty()).isTrue();
        assertThat(reach.covers(5)).isFalse();
    }

    @Test
    void theSystemActorReachesEverything() {
        Reach reach = Actor.system().reach(Permission.AUDIT_READ);
        assertThat(reach.covers(123_456)).isTrue();
        assertThat(reach.isEmpty()).isFalse();
        assertThat(reach.sql("org_id")).isEqualTo("1 = 1");
    }

    @Test
    void aRecordOutsideTheReachAnswersNotFoundLikeAMissingOne() {
        Reach reach = user(Map.of(Permission.DEPUTY_READ, Set.of(5L))).reach(Permission.DEPUTY_READ);
        assertThat(reach.guard(Optional.of(new Row(1, 5)), Row::orgId)).isEqualTo(new Row(1, 5));
        assertThatThrownBy(() -> reach.guard(Optional.of(new Row(2, 9)), Row::orgId))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reach.guard(Optional.<Row>empty(), Row::orgId))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reach.check(9)).isInstanceOf(NotFoundException.class);
        assertThat(reach.filter(Optional.of(new Row(2, 9)), Row::orgId)).isEmpty();
    }

    @Test
    void aStoreAppliesTheReachAsABoundInListNamedForThePermission() {
        Reach reach = user(Map.of(Permission.STATION_READ, Set.of(5L, 6L))).reach(Permission.STATION_READ);
        assertThat(reach.sql("s.org_id")).isEqualTo("s.org_id in (:reach_station_read)");
        assertThat(reach.params()).containsOnlyKeys("reach_station_read");
        assertThat(reach.params().get("reach_station_read")).isEqualTo(Set.of(5L, 6L));
    }

    @Test
    void narrowingKeepsOnlyWhatTheReachCoversAndUnionsCombineTwoPermissions() {
        Actor a = user(Map.of(Permission.DEPUTY_READ, Set.of(5L, 6L), Permission.ASSESSMENT_READ, Set.of(8L)));
        Reach deputies = a.reach(Permission.DEPUTY_READ);
        assertThat(deputies.narrow(Set.of(6L, 7L)).covers(6)).isTrue();
        assertThat(deputies.narrow(Set.of(6L, 7L)).covers(7)).isFalse();
        assertThat(deputies.narrow(Set.of()).isEmpty()).isTrue();
        Reach either = deputies.or(a.reach(Permission.ASSESSMENT_READ));
        assertThat(either.covers(5) && either.covers(8)).isTrue();
        assertThat(either.sql("org_id")).doesNotContain(":reach_deputy_read)");
        assertThat(Actor.system().reach(Permission.ORG_READ).narrow(Set.of(3L)).covers(3)).isTrue();
        assertThat(Actor.system().reach(Permission.ORG_READ).narrow(Set.of(3L)).covers(4)).isFalse();
    }

    // ---- scoping by path (issue 15) ----

    /** A tree of paths: 1 the province, 3 a county under it, 17 a town of that county, 40 another county. */
    private static final OrgPaths TREE = ids -> {
        Map<Long, String> all = Map.of(1L, "/1/", 3L, "/1/3/", 17L, "/1/3/17/", 40L, "/1/40/");
        Map<Long, String> out = new java.util.HashMap<>();
        ids.forEach(id -> { if (all.containsKey(id)) out.put(id, all.get(id)); });
        return out;
    };

    private static Actor granted(Map<Permission, Set<String>> subtrees) {
        return new Actor(7, "county.staff", "张丽", 3, List.of(), Map.of(), subtrees, TREE);
    }

    @Test
    void aGrantOnACountyReachesItsTownsThroughThePathNotAnIdList() {
        Reach reach = granted(Map.of(Permission.DEPUTY_READ, Set.of("/1/3/"))).reach(Permission.DEPUTY_READ);
        assertThat(reach.covers(3)).isTrue();
        assertThat(reach.covers(17)).isTrue();
        assertThat(reach.covers(40)).isFalse();
        assertThat(reach.covers(1)).isFalse();
        assertThat(reach.covers(999)).isFalse();
        assertThat(reach.coversAll(List.of(3L, 17L))).isTrue();
        assertThat(reach.coversAll(List.of(17L, 40L))).isFalse();
        assertThat(reach.sql("d.org_id"))
                .isEqualTo("d.org_id in (select reach_o.id from organisation reach_o where reach_o.path like '/1/3/%')");
        assertThatThrownBy(() -> reach.guard(Optional.of(new Row(1, 40)), Row::orgId))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void grantsOnEveryRootAreTheWholeTreeAndNarrowingToASubtreeKeepsItAPrefix() {
        Reach province = granted(Map.of(Permission.DEPUTY_READ, Set.of("/"))).reach(Permission.DEPUTY_READ);
        assertThat(province.sql("org_id")).isEqualTo("1 = 1");
        Reach county = province.narrow(new OrgSubtree("/1/3/", Set.of(3L, 17L)));
        assertThat(county.sql("org_id")).contains("like '/1/3/%'").doesNotContain(":reach");
        Reach town = granted(Map.of(Permission.DEPUTY_READ, Set.of("/1/3/17/"))).reach(Permission.DEPUTY_READ)
                .narrow(new OrgSubtree("/1/3/", Set.of(3L, 17L)));
        assertThat(town.sql("org_id")).contains("like '/1/3/17/%'").doesNotContain("'/1/3/%'");
        Reach elsewhere = granted(Map.of(Permission.DEPUTY_READ, Set.of("/1/40/"))).reach(Permission.DEPUTY_READ)
                .narrow(new OrgSubtree("/1/3/", Set.of(3L, 17L)));
        assertThat(elsewhere.isEmpty()).isTrue();
        assertThat(province.narrow(List.of(17L, 40L)).covers(40)).isTrue();
        assertThat(county.narrow(List.of(17L, 40L)).covers(40)).isFalse();
    }

    @Test
    void prefixesInsideAnotherCollapseAndOnlyPathsBecomeLiterals() {
        Reach reach = granted(Map.of(Permission.CASE_READ, Set.of("/1/3/", "/1/3/17/", "/1/40/")))
                .reach(Permission.CASE_READ);
        assertThat(reach.sql("org_id")).isEqualTo("org_id in (select reach_o.id from organisation reach_o where "
                + "reach_o.path like '/1/3/%' or reach_o.path like '/1/40/%')");
        assertThatThrownBy(() -> new OrgSubtree("/1/'; drop table x; --/", Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        Reach either = reach.or(user(Map.of(Permission.ASSESSMENT_READ, Set.of(99L))).reach(Permission.ASSESSMENT_READ));
        assertThat(either.sql("org_id")).startsWith("(org_id in (select").contains("or org_id in (:reach_case_read_or_");
        assertThat(either.covers(99)).isTrue();
        assertThat(either.covers(17)).isTrue();
    }
}
