package org.gengdi.server.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CoordinateFormatTest {

    @Test
    void roundsAndDropsTrailingZeros() {
        CoordinateFormat eight = new CoordinateFormat(8);
        assertThat(eight.format(114.5)).isEqualTo("114.5");
        assertThat(eight.format(38.0)).isEqualTo("38");
        assertThat(eight.format(114.561234567891)).isEqualTo("114.56123457");
        assertThat(eight.format(0.000000001)).isEqualTo("0");
        assertThat(eight.format(0.00000001)).isEqualTo("0.00000001");
        assertThat(eight.format(-0.0)).isEqualTo("0");
        assertThat(eight.format(-73.98765432101)).isEqualTo("-73.98765432");
        CoordinateFormat three = new CoordinateFormat(3);
        assertThat(three.format(39512345.123456)).isEqualTo("39512345.123");
        assertThat(three.format(4212345.98765)).isEqualTo("4212345.988");
        assertThat(three.format(-0.0005)).isEqualTo("-0.001");
        assertThat(three.format(0.0005)).isEqualTo("0.001");
        assertThat(new CoordinateFormat(0).format(2.5)).isEqualTo("3");
    }

    @Test
    void numbersTooLargeForLongsStillComeOutPlain() {
        assertThat(new CoordinateFormat(8).format(1e12)).isEqualTo("1000000000000");
        assertThat(new CoordinateFormat(3).format(-1.5e20)).isEqualTo("-150000000000000000000");
    }

    @Test
    void bothWaysOfWritingAgreeWithBigDecimal() {
        Random random = new Random(7);
        char[] buf = new char[CoordinateFormat.MAX_CHARS];
        for (int decimals : new int[] {0, 3, 8, 12}) {
            CoordinateFormat f = new CoordinateFormat(decimals);
            for (int i = 0; i < 10_000; i++) {
                double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(9));
                String text = f.format(v);
                assertThat(new String(buf, 0, f.write(v, buf, 0))).isEqualTo(text);
                BigDecimal want = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP);
                assertThat(new BigDecimal(text).subtract(want).abs())
                        .as("%s with %d decimals", v, decimals)
                        .isLessThanOrEqualTo(BigDecimal.ONE.movePointLeft(decimals));
            }
        }
    }

    @Test
    void refusesWhatIsNotACoordinate() {
        assertThatThrownBy(() -> new CoordinateFormat(8).format(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CoordinateFormat(16)).isInstanceOf(IllegalArgumentException.class);
    }
}
