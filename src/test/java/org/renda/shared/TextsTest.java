package org.renda.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void controlCharactersOtherThanTabAndLineBreaksAreStripped() {
        assertThat(Texts.stripControls("x\u0000y")).isEqualTo("xy");
        assertThat(Texts.stripControls("\u0001路\u001b灯\u007f")).isEqualTo("路灯");
        assertThat(Texts.stripControls("第一行\r\n第二行\t完")).isEqualTo("第一行\r\n第二行\t完");
    }

    @Test
    void cleanTextIsReturnedAsIs() {
        String clean = "东湖村路口 No.1";
        assertThat(Texts.stripControls(clean)).isSameAs(clean);
    }
}
