package org.gengdi.server.encode;

import java.time.LocalDate;
import java.util.List;
import org.gengdi.core.crs.CrsRef;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.layer.LayerCatalogue;
import org.gengdi.core.layer.LayerKind;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Three permanent-basic-farmland (red line) parcels in CGCS2000 as the encoders get them: the published attributes
 * only, a parcel with a hole, a two-part multipolygon with a null name, a plain polygon stored clockwise, Chinese
 * strings, dates, a remark that needs CSV quoting, and coordinates with more decimals than any encoder keeps.
 */
final class RedLineParcels {
    /** The red-line type in EPSG:4490 without the personal fields (ZRRMC, ZRRZJHM, LXDH, JZDZ, ZMC). */
    static final FeatureType TYPE = published(LayerCatalogue.type(LayerKind.RED_LINE, 4490));

    /** Exterior counter-clockwise, hole clockwise. */
    static final String WITH_HOLE = "MULTIPOLYGON (((114.5 38.0, 114.51 38.0, 114.51 38.01, 114.5 38.01, 114.5 38.0),"
            + " (114.502 38.002, 114.502 38.004, 114.504 38.004, 114.504 38.002, 114.502 38.002)))";
    static final String TWO_PARTS = "MULTIPOLYGON (((114.52 38.0, 114.53 38.0, 114.53 38.01, 114.52 38.0)),"
            + " ((114.54 38.02, 114.55 38.02, 114.55 38.03, 114.54 38.02)))";
    /** A single polygon, exterior clockwise, with twelve decimals. */
    static final String CLOCKWISE = "POLYGON ((114.561234567891 38.041234567891, 114.561234567891 38.05,"
            + " 114.57 38.05, 114.57 38.041234567891, 114.561234567891 38.041234567891))";

    static final String REMARK = "红线内, 勿占用 \"2023\"";

    private RedLineParcels() {
    }

    static FeatureType published(FeatureType t) {
        return new FeatureType(t.name(), t.title(), t.geometryName(), t.geometryKind(), t.srid(), t.publicAttributes());
    }

    static List<Feature> features() {
        Feature.Builder b = new Feature.Builder(TYPE);
        Feature a = b.set("BSM", "130123000000000017").set("YSDM", "2005010100").set("XZQDM", "130123")
                .set("XZQMC", "正定县").set("YJJBNTTBBH", "1301232023000017").set("DLBM", "0101").set("DLMC", "水田")
                .set("ZLDWDM", "1301231002010000000").set("ZLDWMC", "王家村").set("YJJBNTTBMJ", 1234.5)
                .set("YJJBNTMJ", 1200.25).set("GDDB", 5).set("SJNF", 2023)
                .set("BHKSSJ", LocalDate.of(2020, 1, 1)).set("BHJSSJ", LocalDate.of(2035, 12, 31))
                .set("BZ", REMARK).geometry(wkt(WITH_HOLE)).build("17");
        Feature c = b.set("BSM", "130123000000000018").set("XZQDM", "130123").set("XZQMC", "正定县")
                .set("YJJBNTTBBH", "1301232023000018").set("DLBM", "0103") // DLMC left null
                .set("ZLDWMC", "李家庄").set("YJJBNTTBMJ", 987654321.125).set("SJNF", 2023)
                .set("BHKSSJ", LocalDate.of(2019, 6, 30)).geometry(wkt(TWO_PARTS)).build("18");
        Feature d = b.set("BSM", "130123000000000019").set("DLBM", "0102").set("DLMC", "水浇地").set("ZLDWMC", "王家村")
                .set("YJJBNTTBMJ", 0.5).set("SJNF", 2022).geometry(wkt(CLOCKWISE)).build("19");
        return List.of(a, c, d);
    }

    static FeatureCursor cursor() {
        return FeatureCursor.of(features());
    }

    static CrsRef crs(String text) {
        return CrsRegistry.get().parse(text);
    }

    /** The collection in the given CRS form with counts 3 / 3 and a fixed time stamp. */
    static FeatureCollectionInfo info(String crs) {
        return FeatureCollectionInfo.of(TYPE, crs(crs)).withCounts(3L, 3L)
                .withTimeStamp(java.time.Instant.parse("2024-05-01T08:00:00Z"));
    }

    static Geometry wkt(String text) {
        try {
            Geometry g = new WKTReader().read(text);
            g.setSRID(4490);
            return g;
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
