package org.renda.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

public class ImagesTest {

    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0};
    public static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0};

    @Test
    void acceptsBytesThatAreTheImageTheyClaim() {
        assertThat(Images.looksLike("image/png", PNG)).isTrue();
        assertThat(Images.looksLike("image/jpeg", JPEG)).isTrue();
    }

    @Test
    void rejectsARenamedFileOrAnUnknownType() {
        assertThat(Images.looksLike("image/jpeg", PNG)).isFalse();
        assertThat(Images.looksLike("image/png", "<script>alert(1)</script>".getBytes())).isFalse();
        assertThat(Images.looksLike("image/svg+xml", PNG)).isFalse();
    }
}
