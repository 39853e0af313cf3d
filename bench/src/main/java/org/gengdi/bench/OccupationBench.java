package org.gengdi.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.process.farmland.AnalysisZone;
import org.gengdi.process.farmland.FarmlandLayers;
import org.gengdi.process.occupation.OccupationOp;
import org.gengdi.process.occupation.ProjectFacts;
import org.gengdi.store.geopackage.GeoPackageStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;

/**
 * OccupationAnalysis latency on the default sample county (issue 6 target: p50 &lt; 150 ms including the report
 * tables) for a 20 km × 60 m road through the county and a 50 ha block at its centre, read from the GeoPackage;
 * then the same occupation (land use by DLBM and the red line, ellipsoidal areas) by the equivalent PostGIS SQL
 * over the same county in PostGIS, timed in the same run, when a PostGIS URL and schema are given.
 *
 * <pre>OccupationBench county.gpkg [runs] [postgis-url schema]</pre>
 */
public final class OccupationBench {
    private static final GeometryFactory GF = new GeometryFactory();

    private OccupationBench() {
    }

    public static void main(String[] args) throws Exception {
        Path gpkg = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        try (FeatureStore store = GeoPackageStore.openReadOnly(gpkg)) {
            Envelope e = store.require("DLTB").bounds();
            int srid = store.require("DLTB").schema().srid();
            Coordinate c = e.centre();
            // the road: 20 km through the centre at 30° to the x axis
            double dx = 10_000 * Math.cos(Math.toRadians(30));
            double dy = 10_000 * Math.sin(Math.toRadians(30));
            Geometry line = GF.createLineString(new Coordinate[] {new Coordinate(c.x - dx, c.y - dy),
                    new Coordinate(c.x + dx, c.y + dy)});
            Geometry road = BufferOp.bufferOp(line, 30, new BufferParameters(8, BufferParameters.CAP_FLAT,
                    BufferParameters.JOIN_MITRE, 5));
            double half = Math.sqrt(500_000) / 2;
            Geometry block = GF.toGeometry(new Envelope(c.x - half, c.x + half, c.y - half, c.y + half));
            FarmlandLayers layers = new FarmlandLayers(new StoreContext(store), Map.of());
            AnalysisZone zone = new AnalysisZone(srid);
            ProjectFacts facts = new ProjectFacts("bench", "STATE_PLAN_INFRA", "CONSTRUCTION", false, false, null,
                    null, false, 40.0, null, null, null);
            System.out.printf(Locale.ROOT, "county extent %.1f × %.1f km, EPSG:%d, %d runs each after warm-up%n",
                    e.getWidth() / 1000, e.getHeight() / 1000, srid, runs);
            for (Object[] t : new Object[][] {{"20 km × 60 m road", road}, {"50 ha block", block}}) {
                Geometry g = (Geometry) t[1];
                OccupationOp.OccupationResult last = null;
                for (int i = 0; i < 10; i++) {
                    last = OccupationOp.analyse(g, zone, facts, layers, LocalDate.now());
                }
                long[] ns = new long[runs];
                for (int i = 0; i < runs; i++) {
                    long a = System.nanoTime();
                    last = OccupationOp.analyse(g, zone, facts, layers, LocalDate.now());
                    // the report tables are part of the answer: serialise them too
                    OccupationOp.class.getName();
                    last.report().toString();
                    ns[i] = System.nanoTime() - a;
                }
                Arrays.sort(ns);
                System.out.printf(Locale.ROOT, "OccupationAnalysis %s: p50 %.1f ms, p90 %.1f ms, max %.1f ms "
                                + "(target p50 < 150 ms); red line %.2f m² in %d parcels, cultivated %.2f m², %d pieces%n",
                        t[0], ns[runs / 2] / 1e6, ns[(int) (runs * 0.9)] / 1e6, ns[runs - 1] / 1e6,
                        last.figures().redLineGross(), last.figures().redLineParcels(), last.figures().cultivated(),
                        last.pieces().size());
                if (args.length > 3) {
                    postgis(args[2], args[3], srid, g, (String) t[0], runs, last.figures().redLineGross());
                }
            }
        }
    }

    /** The same occupation in SQL: land use by DLBM and the red line, CGCS2000 ellipsoidal areas. */
    private static void postgis(String url, String schema, int srid, Geometry g, String name, int runs,
                                double redLine) throws Exception {
        String fp = "ST_GeomFromText('" + g.toText() + "', " + srid + ")";
        String sql = "WITH f AS (SELECT " + fp + " AS fp), lu AS (SELECT d.\"DLBM\", sum(ST_Area(ST_Transform("
                + "ST_CollectionExtract(ST_Intersection(d.geom, f.fp), 3), 4490)::geography)) a FROM " + schema
                + ".\"DLTB\" d, f WHERE ST_Intersects(d.geom, f.fp) GROUP BY 1), rl AS (SELECT sum(ST_Area("
                + "ST_Transform(ST_CollectionExtract(ST_Intersection(r.geom, f.fp), 3), 4490)::geography)) a, count("
                + "DISTINCT r.\"YJJBNTTBBH\") n FROM " + schema + ".\"YJJBNTBHTB\" r, f WHERE ST_Intersects(r.geom, "
                + "f.fp)) SELECT (SELECT count(*) FROM lu), (SELECT a FROM rl), (SELECT n FROM rl)";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            long[] ns = new long[Math.min(runs, 10)];
            double area = 0;
            for (int i = -2; i < ns.length; i++) {
                long a = System.nanoTime();
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    area = rs.getDouble(2);
                }
                if (i >= 0) {
                    ns[i] = System.nanoTime() - a;
                }
            }
            Arrays.sort(ns);
            System.out.printf(Locale.ROOT, "  equivalent PostGIS SQL, %s: p50 %.1f ms; red line %.2f m² (Gengdi %.2f m², "
                    + "difference %.4f %%)%n", name, ns[ns.length / 2] / 1e6, area, redLine,
                    area == 0 ? 0 : 100 * (redLine - area) / area);
        }
    }
}
