package org.renda.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.renda.shared.DomainException;
import org.springframework.context.support.ResourceBundleMessageSource;

class PasswordPolicyTest {

    @Test
    void acceptsEightCharactersMixingTwoKindsOfCharacter() {
        assertThatCode(() -> PasswordPolicy.check("li", "renda-demo")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("li", "first-pass1")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("li", "Xk9#mP2qL")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("li", "qinghe-river7")).doesNotThrowAnyException();
    }

    @Test
    void rejectsShortSingleKindOrUsernamePasswords() {
        assertThatThrownBy(() -> PasswordPolicy.check("li", "ab12")).isInstanceOf(DomainException.class)
                .hasMessage("password.error.length");
        assertThatThrownBy(() -> PasswordPolicy.check("li", "qinghexian")).hasMessage("password.error.mix");
        assertThatThrownBy(() -> PasswordPolicy.check("deputy.li1", "Deputy.Li1")).hasMessage("password.error.username");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "88888888", "5201314a", "a5201314", "qq5201314", "woaini1314", "Woaini1314!",
        "abcd1234", "a123456789", "P@ssw0rd", "P@ssw0rd2024", "password1", "1qaz2wsx", "1q2w3e4r", "qwertyuiop",
        "asdfghjkl;", "zxcvbnm123", "zhangwei1990", "wangfang888", "Liu123456", "chen19900101", "19900101",
        "1990-01-01", "2001.12.31", "admin@123", "admin888!", "147258369", "woaini520"})
    void refusesCommonPasswordsWithOneClearChineseMessage(String password) {
        assertThat(PasswordPolicy.isCommon(password)).as(password).isTrue();
        assertThatThrownBy(() -> PasswordPolicy.check("someone", password)).hasMessage("password.error.common");
    }

    @Test
    void theCommonPasswordMessageIsChineseAndNamesExamples() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        assertThat(messages.getMessage("password.error.common", null, java.util.Locale.CHINA))
                .contains("过于常见", "123456", "生日");
    }

    @Test
    void theBundledListHoldsThousandsOfPasswordsIncludingChinesePatterns() {
        for (String p : new String[] {"123456", "888888", "5201314", "1314520", "qq123456", "woaini", "zhangwei",
            "1qaz2wsx", "qwerty"}) {
            assertThat(PasswordPolicy.isCommon(p)).as(p).isTrue();
        }
        assertThat(PasswordPolicy.commonCount()).isGreaterThan(3000);
    }
}
