package org.gengdi.store.geopackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Envelope;

/** The bulk-loaded R-tree passes SQLite's own check, answers window queries exactly, and accepts later edits. */
class RtreeBulkLoadTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1, 50, 51, 52, 2601, 2602, 20_000})
    void buildsAValidTree(int n) throws Exception {
        try (Connection c = Sqlite.openWriter(dir.resolve("r.sqlite")); Statement s = c.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)");
            Random rnd = new Random(n);
            List<Envelope> boxes = new ArrayList<>();
            s.execute("BEGIN");
            try (RtreeBulkLoad load = new RtreeBulkLoad(c, "r")) {
                for (int i = 0; i < n; i++) {
                    double x = 39_500_000 + rnd.nextDouble() * 30_000;
                    double y = 3_540_000 + rnd.nextDouble() * 20_000;
                    Envelope e = new Envelope(x, x + rnd.nextDouble() * 80, y, y + rnd.nextDouble() * 80);
                    boxes.add(e);
                    load.add(i * 3L + 1, e);
                }
                load.finish();
            }
            s.execute("COMMIT");
            try (ResultSet rs = s.executeQuery("SELECT rtreecheck('r'), (SELECT count(*) FROM r)")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
                assertThat(rs.getInt(2)).isEqualTo(n);
            }
            for (int q = 0; q < 20; q++) {
                double x = 39_500_000 + rnd.nextDouble() * 30_000;
                double y = 3_540_000 + rnd.nextDouble() * 20_000;
                Envelope w = new Envelope(x, x + 2000, y, y + 1500);
                long expected = boxes.stream().filter(w::intersects).count();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM r WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?")) {
                    ps.setDouble(1, w.getMaxX());
                    ps.setDouble(2, w.getMinX());
                    ps.setDouble(3, w.getMaxY());
                    ps.setDouble(4, w.getMinY());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        // float rounding may only add candidates at the edges, never lose one
                        assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(expected).isLessThanOrEqualTo(expected + 5);
                    }
                }
            }
            // Later edits through the module (as QGIS does via the triggers) keep the tree valid.
            s.execute("DELETE FROM r WHERE id % 2 = 0");
            s.execute("INSERT INTO r VALUES (-1, 0, 1, 0, 1)");
            try (ResultSet rs = s.executeQuery("SELECT rtreecheck('r')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
        }
    }
}
