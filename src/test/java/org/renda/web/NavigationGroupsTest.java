package org.renda.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.renda.web.Navigation.Entry;
import org.renda.web.Navigation.Item;

/** The menu bar stays one row: related links share a group, a lone link stays a link, administration comes last. */
class NavigationGroupsTest {

    private static Item item(String key) {
        return new Item(key, "/" + key, key.equals("nav.appraisals"));
    }

    @Test
    void anAdministratorsLinksAreGroupedAndTheSystemGroupComesLast() {
        List<Entry> entries = Navigation.group(List.of(item("nav.home"), item("nav.dashboard"), item("nav.orgs"),
                item("nav.deputies"), item("nav.duties"), item("nav.cases"), item("nav.stations"), item("nav.appraisals"),
                item("nav.supervision"), item("nav.assessments"), item("nav.meetings"), item("nav.calendar"),
                item("nav.funds"), item("nav.users"), item("nav.audit")));

        assertThat(entries).extracting(Entry::labelKey).containsExactly("nav.home", "nav.dashboard",
                "nav.group.deputies", "nav.cases", "nav.group.supervision", "nav.meetings", "nav.group.office", "nav.group.system");
        Entry oversight = entries.get(4);
        assertThat(oversight.items()).extracting(Item::labelKey)
                .containsExactly("nav.appraisals", "nav.supervision", "nav.assessments");
        assertThat(oversight.active()).as("the group of the page shown is marked").isTrue();
        assertThat(entries.get(7).items()).extracting(Item::labelKey)
                .containsExactly("nav.orgs", "nav.calendar", "nav.users", "nav.audit");
    }

    @Test
    void aGroupWithOneLinkTheActorMayUseIsThatLink() {
        List<Entry> entries = Navigation.group(List.of(item("nav.home"), item("nav.myArchive"), item("nav.cases"),
                item("nav.assessments")));

        assertThat(entries).extracting(Entry::labelKey)
                .containsExactly("nav.home", "nav.group.deputies", "nav.cases", "nav.group.supervision");
        assertThat(entries).allMatch(Entry::single);
        assertThat(entries.get(1).first().labelKey()).isEqualTo("nav.myArchive");
    }
}
