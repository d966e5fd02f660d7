package org.renda.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.RepeatedTest;

/** Generated first passwords: readable off paper, never mistakable, always accepted by the password policy. */
class FirstPasswordsTest {

    @RepeatedTest(20)
    void aFirstPasswordIsThreeGroupsOfUnmistakableCharactersThePolicyAccepts() {
        String p = FirstPasswords.generate();
        assertThat(p).matches("[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}");
        assertThat(p).doesNotContain("0", "O", "o", "1", "l", "I");
        PasswordPolicy.check("d1042", p);
    }

    @Test
    void firstPasswordsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(FirstPasswords.generate())).isTrue();
        }
        assertThat(FirstPasswords.ALPHABET).hasSize(56);
    }
}
