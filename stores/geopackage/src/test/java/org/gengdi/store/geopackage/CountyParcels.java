package org.gengdi.store.geopackage;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.Random;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.layer.LayerCatalogue;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.core.store.LayerWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Generated DLTB parcels with every catalogue attribute filled, for volume tests: generated, never held. */
final class CountyParcels {
    static final FeatureType DLTB = LayerCatalogue.type(LayerKind.CULTIVATED_LAND, 4527);
    private static final GeometryFactory GF = new GeometryFactory();
    private static final String[] VILLAGES = {"王家村", "李家庄", "张庄村", "赵家沟", "东山村"};

    private CountyParcels() {
    }

    /** Writes {@code n} parcels as layer {@code name}; returns the seconds taken. */
    static double write(FeatureStore store, String name, int n) {
        FeatureType t = DLTB.renamed(name, "地类图斑");
        long t0 = System.nanoTime();
        try (LayerWriter w = store.write(t, true)) {
            Iterator<Feature> it = features(t, n);
            while (it.hasNext()) {
                w.add(it.next());
            }
            w.commit();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static Iterator<Feature> features(FeatureType t, int n) {
        Random rnd = new Random(n);
        return new Iterator<>() {
            private int k;

            public boolean hasNext() {
                return k < n;
            }

            public Feature next() {
                Object[] v = new Object[t.attributes().size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = value(t.attributes().get(i), k, rnd);
                }
                return new Feature(t, Integer.toString(++k), parcel(k, rnd), v);
            }
        };
    }

    private static Object value(AttributeDef a, int k, Random rnd) {
        return switch (a.type()) {
            case STRING -> a.name().endsWith("MC") ? VILLAGES[rnd.nextInt(VILLAGES.length)]
                    : Integer.toString(100_000 + rnd.nextInt(900_000)).substring(0, Math.min(6, Math.max(1, a.length())));
            case INTEGER -> 1 + rnd.nextInt(15);
            case LONG -> (long) k;
            case DOUBLE -> Math.round(rnd.nextDouble() * 1e6) / 100.0;
            case BOOLEAN -> rnd.nextBoolean();
            case DATE -> LocalDate.of(2020, 1, 1).plusDays(rnd.nextInt(1000));
            case DATETIME -> null;
        };
    }

    /** A 20-vertex irregular polygon in a 100 m cell of a 300-column grid. */
    private static Polygon parcel(int k, Random rnd) {
        double cx = 39_500_050 + (k % 300) * 100.0;
        double cy = 3_540_050 + (k / 300) * 100.0;
        Coordinate[] cs = new Coordinate[21];
        for (int i = 0; i < 20; i++) {
            double a = i * Math.PI / 10 + rnd.nextDouble() * 0.25;
            double r = 25 + rnd.nextDouble() * 20;
            cs[i] = new Coordinate(cx + r * Math.cos(a), cy + r * Math.sin(a));
        }
        cs[20] = cs[0];
        return GF.createPolygon(cs);
    }
}
