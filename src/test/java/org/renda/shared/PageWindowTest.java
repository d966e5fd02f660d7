package org.renda.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageWindowTest {

    @Test
    void aPageFarPastTheEndShowsTheLastPageWithoutOverflowingTheOffset() {
        PageWindow w = PageWindow.of(Integer.MAX_VALUE, 50, 88);
        assertThat(w.page()).isEqualTo(2);
        assertThat(w.offset()).isEqualTo(50);
    }

    @Test
    void sizeAndPageAreBoundedAndAnEmptyListHasOnePage() {
        assertThat(PageWindow.of(-3, 100_000, 1000)).isEqualTo(new PageWindow(1, 200));
        assertThat(PageWindow.of(7, 0, 0)).isEqualTo(new PageWindow(1, 1));
    }

    @Test
    void aListCountedOnlyUpToACapOpensAnyPageWithoutOverflowingTheOffset() {
        assertThat(PageWindow.open(501, 20)).isEqualTo(new PageWindow(501, 20));
        assertThat(PageWindow.open(0, 20).page()).isEqualTo(1);
        PageWindow far = PageWindow.open(Integer.MAX_VALUE, 200);
        assertThat(far.offset()).isPositive();
    }
}
