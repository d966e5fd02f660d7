package org.renda.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.renda.shared.CurrentActor;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.renda.shared.SystemContext;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A filter's organisation picker offers as many levels as fit: everything when it fits, else the deepest level
 * is left out (a province user picks among cities and counties, not 1,700 towns).
 */
@RendaIntegrationTest
class OrgPickerTest {

    @Autowired OrgTree tree;
    @Autowired CurrentActor currentActor;

    private static final EnumSet<OrgType> PLACES = EnumSet.range(OrgType.PROVINCE, OrgType.STREET);

    @Test
    void whatFitsIsOfferedWholeAndWhatDoesNotLosesItsDeepestLevel() {
        Reach everywhere = SystemContext.call(() -> currentActor.reach(Permission.ORG_READ));
        List<OrgView> all = tree.within(everywhere, PLACES);
        assertThat(all).extracting(OrgView::type).contains(OrgType.COUNTY, OrgType.TOWN);

        assertThat(tree.pickable(everywhere, PLACES, all.size())).containsExactlyElementsOf(all);

        List<OrgView> tight = tree.pickable(everywhere, PLACES, all.size() - 1);
        int deepest = all.stream().mapToInt(OrgView::depth).max().orElseThrow();
        assertThat(tight).isNotEmpty().allSatisfy(o -> assertThat(o.depth()).isLessThan(deepest));
        assertThat(tight).containsExactlyElementsOf(all.stream().filter(o -> o.depth() < deepest).toList());
    }
}
