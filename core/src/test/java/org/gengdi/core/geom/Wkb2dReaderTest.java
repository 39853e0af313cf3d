package org.gengdi.core.geom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

class Wkb2dReaderTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void readsWhatJtsReadsInBothByteOrders() throws Exception {
        List<String> wkts = List.of("POINT (1 2)", "LINESTRING (0 0, 1 1, 2 0)",
                "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 3, 3 3, 2 2))",
                "MULTIPOINT ((1 1), (2 2))", "MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))",
                "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
                "GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (0 0, 1 1))",
                "MULTIPOLYGON (((500000.125 3500000.5, 500010 3500000.5, 500010 3500010, 500000.125 3500000.5)))");
        Wkb2dReader fast = new Wkb2dReader(GF);
        WKBReader jts = new WKBReader(GF);
        for (String wkt : wkts) {
            Geometry g = new WKTReader(GF).read(wkt);
            for (int order : new int[] {ByteOrderValues.LITTLE_ENDIAN, ByteOrderValues.BIG_ENDIAN}) {
                byte[] wkb = new WKBWriter(2, order).write(g);
                Geometry read = fast.read(wkb, 0);
                assertThat((Object) read).as(wkt).isNotNull();
                assertThat(read.equalsExact(jts.read(wkb))).as(wkt).isTrue();
                assertThat(read.getGeometryType()).isEqualTo(g.getGeometryType());
            }
        }
    }

    @Test
    void leavesWhatItDoesNotKnowToJts() throws Exception {
        Geometry z = new WKTReader(GF).read("POINT Z (1 2 3)");
        assertThat((Object) new Wkb2dReader(GF).read(new WKBWriter(3).write(z), 0)).isNull();
        assertThat((Object) new Wkb2dReader(GF).read(new byte[] {1, 1, 0}, 0)).as("truncated").isNull();
    }
}
