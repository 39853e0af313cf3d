package org.gengdi.data.importer;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Objects;
import org.gengdi.core.layer.LayerKind;

/**
 * What to import and how: the options of {@code gengdi import}.
 *
 * @param source       the file: {@code .shp}, {@code .geojson}/{@code .json}, or {@code .gpkg}
 * @param layerName    the target layer; null: the kind's national name, else the file's base name (sanitised)
 * @param kind         load into this kind's national schema (e.g. {@code RED_LINE}); null: the existing layer's
 *                     schema, or the source's own schema when the layer is new
 * @param sourceLayer  the layer inside a GeoPackage source; null when it holds exactly one
 * @param sourceSrid   the source CRS when the file does not say or says something unknown ({@code --srid}); null:
 *                     from the file. When given it wins over the file.
 * @param targetSrid   the CRS to store ({@code --target-srid}); null: the existing layer's, else the source's
 * @param encoding     the source text encoding ({@code --encoding}); null: {@code .cpg}, DBF header, detection
 * @param mapping      explicit source → target field names; null: none
 * @param defaultRenames apply the shipped 二调→三调 renames ({@code TKXS→KCXS}, …) to fields nothing else matched
 * @param repair       fix invalid geometries with JTS GeometryFixer (and report each) instead of failing
 * @param replace      replace an existing layer of that name; without it an existing layer is an error
 * @param maxProblems  how many data problems to collect and show before giving up (≥ 1)
 */
public record ImportRequest(Path source, String layerName, LayerKind kind, String sourceLayer, Integer sourceSrid,
                            Integer targetSrid, Charset encoding, FieldMapping mapping, boolean defaultRenames,
                            boolean repair, boolean replace, int maxProblems) {

    public ImportRequest {
        Objects.requireNonNull(source, "source");
        if (mapping == null) {
            mapping = FieldMapping.NONE;
        }
        if (maxProblems < 1) {
            maxProblems = 10;
        }
    }

    /** A request with the defaults: new layer named after the kind or file, default renames on, no repair. */
    public static ImportRequest of(Path source) {
        return new ImportRequest(source, null, null, null, null, null, null, FieldMapping.NONE, true, false, false,
                10);
    }

    public ImportRequest toLayer(String name) {
        return new ImportRequest(source, name, kind, sourceLayer, sourceSrid, targetSrid, encoding, mapping,
                defaultRenames, repair, replace, maxProblems);
    }

    public ImportRequest withKind(LayerKind k) {
        return new ImportRequest(source, layerName, k, sourceLayer, sourceSrid, targetSrid, encoding, mapping,
                defaultRenames, repair, replace, maxProblems);
    }

    public ImportRequest fromLayer(String name) {
        return new ImportRequest(source, layerName, kind, name, sourceSrid, targetSrid, encoding, mapping,
                defaultRenames, repair, replace, maxProblems);
    }

    public ImportRequest withSourceSrid(Integer srid) {
        return new ImportRequest(source, layerName, kind, sourceLayer, srid, targetSrid, encoding, mapping,
                defaultRenames, repair, replace, maxProblems);
    }

    public ImportRequest withTargetSrid(Integer srid) {
        return new ImportRequest(source, layerName, kind, sourceLayer, sourceSrid, srid, encoding, mapping,
                defaultRenames, repair, replace, maxProblems);
    }

    public ImportRequest withEncoding(Charset cs) {
        return new ImportRequest(source, layerName, kind, sourceLayer, sourceSrid, targetSrid, cs, mapping,
                defaultRenames, repair, replace, maxProblems);
    }

    public ImportRequest withMapping(FieldMapping m) {
        return new ImportRequest(source, layerName, kind, sourceLayer, sourceSrid, targetSrid, encoding, m,
                defaultRenames, repair, replace, maxProblems);
    }

    public ImportRequest withDefaultRenames(boolean on) {
        return new ImportRequest(source, layerName, kind, sourceLayer, sourceSrid, targetSrid, encoding, mapping, on,
                repair, replace, maxProblems);
    }

    public ImportRequest withRepair(boolean on) {
        return new ImportRequest(source, layerName, kind, sourceLayer, sourceSrid, targetSrid, encoding, mapping,
                defaultRenames, on, replace, maxProblems);
    }

    public ImportRequest withReplace(boolean on) {
        return new ImportRequest(source, layerName, kind, sourceLayer, sourceSrid, targetSrid, encoding, mapping,
                defaultRenames, repair, on, maxProblems);
    }

    public ImportRequest withMaxProblems(int n) {
        return new ImportRequest(source, layerName, kind, sourceLayer, sourceSrid, targetSrid, encoding, mapping,
                defaultRenames, repair, replace, n);
    }
}
