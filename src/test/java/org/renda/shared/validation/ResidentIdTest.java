package org.renda.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdTest {

    /** The check character of the first 17 digits by ISO 7064 MOD 11-2, computed independently. */
    private static String withCheck(String body) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ((1 << (17 - i)) % 11);
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "11010519491231002x", "430521199003071235", "440981198001011234"})
    void realNumbersWithTheirCheckCharacterAreAccepted(String id) {
        assertThat(ResidentId.Validator.accepts(id)).isTrue();
    }

    @Test
    void anyValidBodyWithItsComputedCheckIsAcceptedAndEveryOtherCheckRefused() {
        String body = "43052119900307123";
        String good = withCheck(body);
        assertThat(ResidentId.Validator.accepts(good)).isTrue();
        for (char c : "0123456789X".toCharArray()) {
            if (c != good.charAt(17)) {
                assertThat(ResidentId.Validator.accepts(body + c)).as(body + c).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "1101051949123100", "11010519491231002Y", "A1010519491231002X",
        "110105194912310021"})
    void wrongLengthsLettersAndWrongCheckCharactersAreRefused(String id) {
        assertThat(ResidentId.Validator.accepts(id)).isFalse();
    }

    @Test
    void impossibleAndFutureBirthDatesAreRefusedEvenWithTheRightCheck() {
        assertThat(ResidentId.Validator.accepts(withCheck("43052119900230123"))).as("30 February").isFalse();
        assertThat(ResidentId.Validator.accepts(withCheck("43052118991231123"))).as("before 1900").isFalse();
        String future = LocalDate.now().plusYears(1).toString().replace("-", "");
        assertThat(ResidentId.Validator.accepts(withCheck("430521" + future + "123"))).as("future").isFalse();
        assertThat(ResidentId.Validator.accepts(withCheck("03052119900307123"))).as("region 0").isFalse();
    }

    @Test
    void emptyIsLeftToNotBlank() {
        assertThat(ResidentId.Validator.accepts(null)).isTrue();
        assertThat(ResidentId.Validator.accepts("")).isTrue();
    }
}
