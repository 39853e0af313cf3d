package org.gengdi.core.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AreaTest {

    @Test
    void oneMuIsTenThousandFifteenthsOfASquareMetre() {
        assertThat(new Area(10000.0 / 15).mu()).isCloseTo(1, within(1e-15));
        assertThat(AreaUnit.MU.toSquareMetres(1)).isCloseTo(666.6666666666666, within(1e-12));
        assertThat(AreaUnit.MU.squareMetres()).isCloseTo(666.67, within(0.005));
        assertThat(new Area(10000).mu()).isEqualTo(15);
        assertThat(new Area(10000).hectares()).isEqualTo(1);
        assertThat(AreaUnit.HECTARE.convert(1, AreaUnit.MU)).isEqualTo(15);
        assertThat(AreaUnit.MU.convert(15, AreaUnit.HECTARE)).isEqualTo(1);
        assertThat(Area.of(1, AreaUnit.MU).squareMetres()).isCloseTo(666.6666666666666, within(1e-12));
    }

    @ParameterizedTest
    @CsvSource({"SQUARE_METRE, m², 1", "MU, 亩, 666.6666666666666", "HECTARE, 公顷, 10000"})
    void units(AreaUnit unit, String symbol, double squareMetres) {
        assertThat(unit.symbol()).isEqualTo(symbol);
        assertThat(unit.squareMetres()).isCloseTo(squareMetres, within(1e-12));
        assertThat(unit.fromSquareMetres(unit.toSquareMetres(123.45))).isCloseTo(123.45, within(1e-12));
        assertThat(new Area(26708).in(unit)).isCloseTo(26708 / squareMetres, within(1e-9));
    }

    @Test
    void arithmeticAndOrder() {
        Area a = new Area(1000);
        assertThat(a.plus(new Area(500))).isEqualTo(new Area(1500));
        assertThat(a.minus(new Area(500))).isEqualTo(new Area(500));
        assertThat(a).isGreaterThan(Area.ZERO);
        // the coordinate-file header "2.6708" (公顷) of a 26 708 m² footprint
        assertThat(new Area(26708).hectares()).isEqualTo(2.6708);
    }
}
