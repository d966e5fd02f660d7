package org.renda.casework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseRoutingTest {

    @Test
    void twoWordingsOfTheSameComplaintReadAlike() {
        double same = CaseRouting.jaccard(CaseRouting.bigrams("东湖村村道坑洼积水，出行不便"),
                CaseRouting.bigrams("东湖村村道坑洼，雨天积水"));
        double other = CaseRouting.jaccard(CaseRouting.bigrams("东湖村村道坑洼积水，出行不便"),
                CaseRouting.bigrams("学校食堂饭菜价格偏高"));
        assertThat(same).isGreaterThanOrEqualTo(CaseRouting.SIMILAR_AT);
        assertThat(other).isLessThan(0.05);
    }

    @Test
    void punctuationAndSpacesDoNotCount() {
        assertThat(CaseRouting.bigrams("路灯， 不亮！")).containsExactlyInAnyOrder("路灯", "灯不", "不亮");
    }

    @Test
    void everyCategoryOfTheFormHasADefaultDepartmentOrIsOther() {
        for (String category : CaseDesk.CATEGORIES) {
            assertThat(CaseRouting.DEFAULT_UNITS.containsKey(category) || category.equals("其他")).as(category).isTrue();
        }
    }
}
