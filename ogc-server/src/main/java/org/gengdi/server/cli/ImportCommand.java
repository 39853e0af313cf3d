package org.gengdi.server.cli;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.data.importer.FieldMapping;
import org.gengdi.data.importer.ImportReport;
import org.gengdi.data.importer.ImportRequest;
import org.gengdi.data.importer.LayerImporter;
import org.gengdi.server.config.ProgressBar;
import org.gengdi.server.config.StoreFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gengdi import}: loads a GeoPackage, GeoJSON or Shapefile into a layer, all-or-nothing. */
@Command(name = "import", description = "Import a GeoPackage, GeoJSON or Shapefile into a layer (all-or-nothing).")
final class ImportCommand implements Runnable {
    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Parameters(index = "0", paramLabel = "FILE", description = ".shp, .geojson/.json or .gpkg file")
    Path file;

    @Option(names = "--layer", required = true, description = "target layer name (ASCII), e.g. YJJBNTBHTB")
    String layer;

    @Option(names = "--kind", description = "national schema of the layer: ${COMPLETION-CANDIDATES}")
    LayerKind kind;

    @Option(names = "--source-layer", description = "layer inside a multi-layer GeoPackage")
    String sourceLayer;

    @Option(names = "--srid", description = "EPSG code of the source when its .prj/metadata is missing or unknown")
    Integer srid;

    @Option(names = "--target-srid", description = "EPSG code to store in (default: the layer's, or the source's)")
    Integer targetSrid;

    @Option(names = "--encoding", description = "text encoding of a Shapefile .dbf (default: .cpg, else detected)")
    String encoding;

    @Option(names = "--mapping", description = "field mapping file (source=TARGET lines)")
    Path mapping;

    @Option(names = "--no-default-renames", description = "do not apply the shipped 二调→三调 field renames")
    boolean noDefaultRenames;

    @Option(names = "--repair", description = "repair invalid geometries instead of refusing them")
    boolean repair;

    @Option(names = "--replace", description = "replace the layer if it exists")
    boolean replace;

    @Override
    public void run() {
        ImportRequest request = ImportRequest.of(file).toLayer(layer).withKind(kind).fromLayer(sourceLayer)
                .withSourceSrid(srid).withTargetSrid(targetSrid)
                .withEncoding(encoding == null ? null : Charset.forName(encoding.trim().toUpperCase(Locale.ROOT)))
                .withMapping(mapping == null ? FieldMapping.NONE : FieldMapping.load(mapping))
                .withDefaultRenames(!noDefaultRenames).withRepair(repair).withReplace(replace);
        ProgressBar bar = new ProgressBar(System.err);
        try (FeatureStore store = StoreFactory.open(storeOptions.settings(false, 50_000, 0))) {
            ImportReport report = new LayerImporter(store).run(request, bar);
            System.out.println(report.summary());
        }
    }
}
