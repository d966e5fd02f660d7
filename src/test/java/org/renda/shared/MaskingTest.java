package org.renda.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void aMobileNumberKeepsOnlyItsFirstThreeAndLastFourDigits() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void aResidentIdKeepsOnlyItsRegionPrefixAndLastFourCharacters() {
        assertThat(Masking.idNumber("44098119800101123X")).isEqualTo("440981********123X");
    }

    @Test
    void shortOrMissingValuesNeverLeakAnyCharacter() {
        assertThat(Masking.phone("12345")).isEqualTo("*****");
        assertThat(Masking.phone(null)).isEmpty();
        assertThat(Masking.idNumber("1234")).isEqualTo("****");
    }
}
