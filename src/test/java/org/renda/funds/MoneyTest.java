package org.renda.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.renda.shared.DomainException;

/** What a clerk types becomes exact fen, and fen print back as the finance office writes them. */
class MoneyTest {

    @Test
    void typedAmountsBecomeExactFen() {
        assertThat(Money.parse("amount", "1,234.56")).isEqualTo(123456);
        assertThat(Money.parse("amount", "1234.5")).isEqualTo(123450);
        assertThat(Money.parse("amount", "¥1234")).isEqualTo(123400);
        assertThat(Money.parse("amount", "￥1,234.00元")).isEqualTo(123400);
        assertThat(Money.parse("amount", " 0.10 ")).isEqualTo(10);
        assertThat(Money.parse("amount", "0.29")).as("0.29 * 100 is 28.999… in a double").isEqualTo(29);
        assertThat(Money.parse("amount", "1.1")).isEqualTo(110);
        assertThat(Money.parse("amount", "100,000,000")).isEqualTo(Money.MAX_FEN);
        assertThat(Money.parseAllowZero("budget", "0")).isZero();
    }

    @Test
    void badAmountsAreRefusedWithAReasonBesideTheField() {
        assertRefused("12.345", "funds.error.amount.decimals");
        assertRefused("-1", "funds.error.amount.negative");
        assertRefused("100,000,000.01", "funds.error.amount.tooLarge");
        assertRefused("1e5", "funds.error.amount.format");
        assertRefused("十元", "funds.error.amount.format");
        assertRefused("1.2.3", "funds.error.amount.format");
        assertRefused("", "funds.error.amount.blank");
        assertRefused("0.00", "funds.error.amount.zero");
        assertRefused("99999999999999999999", "funds.error.amount.format");
    }

    private static void assertRefused(String typed, String key) {
        assertThatThrownBy(() -> Money.parse("amount", typed)).isInstanceOf(DomainException.class).hasMessage(key)
                .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo("amount"));
    }

    @Test
    void fenPrintAsYuanWithTwoDecimals() {
        assertThat(Money.format(123456)).isEqualTo("1,234.56 元");
        assertThat(Money.format(5)).isEqualTo("0.05 元");
        assertThat(Money.format(-123655)).isEqualTo("-1,236.55 元");
        assertThat(Money.format(51_000_000)).isEqualTo("510,000.00 元");
        assertThat(Money.yuan(123456).toPlainString()).isEqualTo("1234.56");
        assertThat(Money.rate(846010, 3_000_000)).isEqualTo("28.2%");
        assertThat(Money.rate(1, 0)).isEqualTo("—");
    }

    @Test
    void aMillionExpensesOfOneFenSumExactly() {
        long fen = Money.parse("amount", "0.01");
        long sum = 0;
        double floating = 0;
        for (int i = 0; i < 1_000_000; i++) {
            sum += fen;
            floating += 0.01;
        }
        assertThat(sum).isEqualTo(1_000_000);
        assertThat(Money.format(sum)).isEqualTo("10,000.00 元");
        assertThat(floating).as("what a double would have said").isNotEqualTo(10_000.0);
        assertThat(Money.parse("a", "0.1") + Money.parse("b", "0.2")).isEqualTo(Money.parse("c", "0.3"));
    }
}
