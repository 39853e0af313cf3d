package org.gengdi.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKTReader;

/** Rows in PostgreSQL's text COPY format, without a database. */
class CopyEncoderTest {
    private final CopyEncoder enc = new CopyEncoder(4490);

    private String value(Object v) {
        StringBuilder b = new StringBuilder();
        enc.value(b, v);
        return b.toString();
    }

    @Test
    void valuesAreEscapedAndTyped() {
        assertThat(value(null)).isEqualTo("\\N");
        assertThat(value("王\t家\n村\\\r")).isEqualTo("王\\t家\\n村\\\\\\r");
        assertThat(value("\\N")).isEqualTo("\\\\N");
        assertThat(value(true)).isEqualTo("t");
        assertThat(value(Double.NaN)).isEqualTo("NaN");
        assertThat(value(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(value(0.1)).isEqualTo("0.1");
        assertThat(value(42L)).isEqualTo("42");
        assertThat(value(LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
        assertThat(value(OffsetDateTime.parse("2023-03-01T08:00:00.123456789+08:00")))
                .isEqualTo("2023-03-01 08:00:00.123456+08:00");
    }

    @Test
    void geometriesAreHexEwkbWithTheSrid() throws Exception {
        Geometry g = new WKTReader().read("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))");
        StringBuilder b = new StringBuilder();
        enc.geometry(b, g);
        byte[] ewkb = HexFormat.of().parseHex(b.toString());
        assertThat(b.toString()).startsWith("01060000208A110000"); // LE, MultiPolygon | SRID flag, 4490
        Geometry back = new WKBReader().read(ewkb);
        assertThat(back.getSRID()).isEqualTo(4490);
        assertThat(back.equalsExact(g)).isTrue();
    }
}
