package org.gengdi.server.render.sld;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.core.filter.FilterEvaluator;
import org.gengdi.core.layer.LayerCatalogue;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.server.render.Rule;
import org.gengdi.server.render.Style;

/** Layers, contexts and features for the SLD tests: the national schemas in CGCS2000 GK zone 39 (EPSG:4527). */
final class SldFixtures {
    static final int SRID = 4527;

    private SldFixtures() {
    }

    static FeatureType type(LayerKind kind) {
        return LayerCatalogue.type(kind, SRID);
    }

    static FilterContext ctx(LayerKind kind) {
        return FilterContext.of(type(kind), CrsRegistry.get().parse("EPSG:" + SRID));
    }

    /** Resolves every catalogue layer by its national name (as the WMS does, without hiding anything itself). */
    static Function<String, Optional<FilterContext>> catalogue() {
        return name -> LayerCatalogue.kindOf(name).map(SldFixtures::ctx);
    }

    /** A feature of a layer with the given attribute values. */
    static Feature feature(LayerKind kind, Map<String, Object> values) {
        Feature.Builder b = new Feature.Builder(type(kind));
        values.forEach(b::set);
        return b.build("1");
    }

    /** True when the rule's filter selects the feature (else rules: never, they are decided by the renderer). */
    static boolean matches(Rule rule, Feature f) {
        return !rule.elseFilter() && FilterEvaluator.compile(rule.filter(), f.type()).test(f);
    }

    static Rule rule(Style s, String name) {
        return s.rules().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no rule " + name + " in " + s.name()));
    }

    static String sld10(String layer, String rules) {
        return """
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld"
                    xmlns:ogc="http://www.opengis.net/ogc">
                  <NamedLayer><Name>%s</Name>
                    <UserStyle><Name>s</Name><FeatureTypeStyle>%s</FeatureTypeStyle></UserStyle>
                  </NamedLayer>
                </StyledLayerDescriptor>""".formatted(layer, rules);
    }
}
