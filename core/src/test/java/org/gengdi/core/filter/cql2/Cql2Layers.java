package org.gengdi.core.filter.cql2;

import org.gengdi.core.crs.CrsRef;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.core.layer.LayerCatalogue;
import org.gengdi.core.layer.LayerKind;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** The layers and contexts the CQL2 tests parse against: the red line in GK zone 39 (metres) and in EPSG:4490. */
final class Cql2Layers {
    /** 永久基本农田 in CGCS2000 3-degree Gauss-Krüger zone 39 (central meridian 117°E), metres. */
    static final FeatureType GK = LayerCatalogue.type(LayerKind.RED_LINE, 4527);
    /** The same layer in geographic CGCS2000. */
    static final FeatureType GEO = LayerCatalogue.type(LayerKind.RED_LINE, 4490);
    static final CrsRef CRS84 = CrsRegistry.get().parse("CRS:84");
    static final CrsRef URN_4490 = CrsRegistry.get().parse("urn:ogc:def:crs:EPSG::4490");

    private Cql2Layers() {
    }

    static FilterContext gk() {
        return FilterContext.of(GK, CRS84);
    }

    static FilterContext geo() {
        return FilterContext.of(GEO, CRS84);
    }

    static Filter parse(String text) {
        return Cql2Text.parse(text, gk());
    }

    /** WKT in lon/lat, transformed to the layer CRS as the parser should have done it. */
    static Geometry lonLat(String wkt, int layerSrid) {
        try {
            return CrsRegistry.get().transform(4326, layerSrid).transform(new WKTReader().read(wkt));
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }
}
