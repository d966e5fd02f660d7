package org.renda.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChinesePhoneTest {

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "138 1234 5678", "138-1234-5678", "+8613812345678", "008613812345678",
        "19912345678", "0734-5210001", "07345210001", "010-87654321", "0731-84561234-802", "(0731)84561234",
        "84561234", "5210001", "400-123-4567", "8001234567", ""})
    void mainlandMobilesLandlinesAndServiceNumbersAreAccepted(String phone) {
        assertThat(ChinesePhone.Validator.accepts(phone)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefg", "12345", "12812345678", "1381234567", "138123456789", "0734-0210001",
        "+1 415 555 0100", "13812345678abc", "1234567890123456789012345", "0000000"})
    void lettersWrongLengthsAndImpossiblePrefixesAreRefused(String phone) {
        assertThat(ChinesePhone.Validator.accepts(phone)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {" "})
    void blankIsLeftToNotBlank(String phone) {
        assertThat(ChinesePhone.Validator.accepts(phone)).isTrue();
        assertThat(ChinesePhone.Validator.accepts(null)).isTrue();
    }
}
