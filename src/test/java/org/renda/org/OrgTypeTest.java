package org.renda.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrgTypeTest {

    @Test
    void villagesStandUnderTownsAndStreetsOnly() {
        assertThat(OrgType.VILLAGE.mayStandUnder(OrgType.TOWN)).isTrue();
        assertThat(OrgType.COMMUNITY.mayStandUnder(OrgType.STREET)).isTrue();
        assertThat(OrgType.VILLAGE.mayStandUnder(OrgType.COUNTY)).isFalse();
        assertThat(OrgType.VILLAGE.mayStandUnder(OrgType.VILLAGE)).isFalse();
    }

    @Test
    void departmentsStandAtEveryGoverningLevelButNotUnderAVillage() {
        assertThat(OrgType.DEPARTMENT.mayStandUnder(OrgType.COUNTY)).isTrue();
        assertThat(OrgType.DEPARTMENT.mayStandUnder(OrgType.TOWN)).isTrue();
        assertThat(OrgType.DEPARTMENT.mayStandUnder(OrgType.VILLAGE)).isFalse();
    }

    @Test
    void sheetsMayNameAKindInChineseOrByItsCode() {
        assertThat(OrgType.parse("村")).contains(OrgType.VILLAGE);
        assertThat(OrgType.parse(" 乡镇 ")).contains(OrgType.TOWN);
        assertThat(OrgType.parse("county")).contains(OrgType.COUNTY);
        assertThat(OrgType.parse("县")).contains(OrgType.COUNTY);
        assertThat(OrgType.parse("大队")).isEmpty();
    }
}
