package org.renda.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.renda.shared.DomainException;

class PasswordPolicyTest {

    @Test
    void acceptsEightCharactersMixingTwoKindsOfCharacter() {
        assertThatCode(() -> PasswordPolicy.check("li", "renda-demo")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("li", "abcd1234")).doesNotThrowAnyException();
    }

    @Test
    void rejectsShortSingleKindOrUsernamePasswords() {
        assertThatThrownBy(() -> PasswordPolicy.check("li", "ab12")).isInstanceOf(DomainException.class)
                .hasMessage("password.error.length");
        assertThatThrownBy(() -> PasswordPolicy.check("li", "abcdefgh")).hasMessage("password.error.mix");
        assertThatThrownBy(() -> PasswordPolicy.check("deputy.li1", "Deputy.Li1")).hasMessage("password.error.username");
    }
}
