package org.gengdi.server.render.sld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gengdi.server.render.sld.SldFixtures.ctx;

import java.awt.Color;
import java.util.List;
import java.util.Set;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.server.ows.PublishedLayer;
import org.gengdi.server.render.Style;
import org.gengdi.server.render.Symbolizer.LineSymbolizer;
import org.gengdi.server.render.Symbolizer.PointSymbolizer;
import org.gengdi.server.render.Symbolizer.PolygonSymbolizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DefaultStylesTest {
    private final DefaultStyles defaults = new DefaultStyles();

    @ParameterizedTest
    @EnumSource(LayerKind.class)
    void everyLayerKindGetsItsShippedStyle(LayerKind kind) {
        assertThat(defaults.isShipped(kind.layerName())).isTrue();
        Style s = defaults.styleFor(kind.layerName(), ctx(kind));
        assertThat(s.name()).isNotEqualTo("generic");
        assertThat(s.rules()).isNotEmpty();
    }

    @Test
    void theRedLineStyleIsRedAndCachedPerLayerAndSchema() {
        Style s = defaults.styleFor("YJJBNTBHTB", ctx(LayerKind.RED_LINE));
        assertThat(((PolygonSymbolizer) s.rules().get(0).symbolizers().get(0)).stroke().color())
                .isEqualTo(Color.RED);
        assertThat(defaults.styleFor("yjjbntbhtb", ctx(LayerKind.RED_LINE))).isSameAs(s);
        FilterContext other = FilterContext.of(SldFixtures.type(LayerKind.RED_LINE).withSrid(4490),
                CrsRegistry.get().parse("EPSG:4490"));
        assertThat(defaults.styleFor("YJJBNTBHTB", other)).isNotSameAs(s).isEqualTo(s);
    }

    @Test
    void aPublishedLayerGetsItsStyleWithPersonalFieldsHidden() {
        FeatureType t = SldFixtures.type(LayerKind.RED_LINE);
        FeatureType visible = new FeatureType(t.name(), t.title(), t.geometryName(), t.geometryKind(), t.srid(),
                t.publicAttributes());
        PublishedLayer layer = new PublishedLayer(null, t, visible, Set.of("ZRRMC", "ZRRZJHM", "LXDH", "JZDZ", "ZMC"));
        Style s = defaults.styleFor(layer);
        assertThat(s.name()).isEqualTo("redline");
    }

    @Test
    void layersWithoutAShippedStyleGetTheGenericOneByGeometryKind() {
        assertThat(defaults.isShipped("PARCELS_2024")).isFalse();
        Style polygons = defaults.styleFor("PARCELS_2024", contextOf(GeometryKind.MULTIPOLYGON));
        assertThat(polygons.name()).isEqualTo("generic");
        PolygonSymbolizer p = (PolygonSymbolizer) polygons.rules().get(0).symbolizers().get(0);
        assertThat(p.stroke().color().getRed()).isEqualTo(p.stroke().color().getBlue());
        assertThat(p.fill().color().getAlpha()).isLessThan(255);
        assertThat(defaults.styleFor("ROADS", contextOf(GeometryKind.MULTILINESTRING)).rules().get(0)
                .symbolizers().get(0)).isInstanceOf(LineSymbolizer.class);
        assertThat(defaults.styleFor("WELLS", contextOf(GeometryKind.POINT)).rules().get(0).symbolizers().get(0))
                .isInstanceOf(PointSymbolizer.class);
        assertThat(defaults.styleFor("MIXED", contextOf(GeometryKind.GEOMETRY)).rules()).hasSize(1);
        assertThat(polygons.rules().get(0).title()).isEqualTo("面");
    }

    @Test
    void aShippedStyleThatDoesNotFitTheLayersSchemaFallsBackToTheGenericStyle() {
        // a layer imported under the name DLTB without a DLBM field
        FeatureType t = new FeatureType("DLTB", "地类图斑", "geom", GeometryKind.MULTIPOLYGON, 4527,
                List.of(AttributeDef.of("NAME", AttributeType.STRING, "名称")));
        Style s = defaults.styleFor("DLTB", FilterContext.of(t, CrsRegistry.get().parse("EPSG:4527")));
        assertThat(s.name()).isEqualTo("generic");
    }

    @Test
    void theStylesAreReadFromTheGivenClassLoader() {
        ClassLoader empty = new ClassLoader(null) {
        };
        DefaultStyles none = new DefaultStyles(empty);
        assertThat(none.isShipped("DLTB")).isFalse();
        assertThat(none.styleFor("DLTB", ctx(LayerKind.CULTIVATED_LAND)).name()).isEqualTo("generic");
    }

    private static FilterContext contextOf(GeometryKind kind) {
        FeatureType t = new FeatureType("X", null, "geom", kind, 4527,
                List.of(AttributeDef.of("NAME", AttributeType.STRING, "名称")));
        return FilterContext.of(t, CrsRegistry.get().parse("EPSG:4527"));
    }
}
