package org.gengdi.data.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;
import org.gengdi.core.feature.Query;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.StoreException;
import org.gengdi.store.geopackage.GeoPackageStore;

/**
 * Reads one layer of a GeoPackage through Gengdi's own GeoPackage store (the named layer, or the only one), opened
 * read-only: the user's file is left exactly as it was — no journal-mode change, no tables added, no {@code -wal} or
 * {@code -shm} files left behind.
 *
 * <p>Fields carry the file's own column names (地类编码, 村名), the names the user sees in QGIS and writes in a field
 * mapping, even where the store publishes a column under a generated ASCII name; so {@link FieldPlan} matches them
 * to national fields by Chinese title and {@link FieldNames} names them as for any other format. A layer is chosen
 * by its table name (Chinese names included) or its published name. Columns the store cannot read (binary) are
 * listed in the notes.
 */
final class GeoPackageReader implements SourceReader {
    private final String name;
    private final GeoPackageStore store;
    private final FeatureSource source;
    private final FeatureType schema;
    private final List<SourceField> fields = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final SourceCrs crs;
    private final long count;
    private FeatureCursor cursor;

    GeoPackageReader(Path file, String layer, Integer srid) {
        this.name = file.getFileName().toString();
        try {
            this.store = GeoPackageStore.openReadOnly(file);
        } catch (StoreException e) {
            throw new ImportException("file " + name + ": cannot open it as a GeoPackage: " + e.getMessage(), e);
        }
        try {
            List<String> layers = new ArrayList<>();
            for (String l : store.layerNames()) {
                layers.add(store.layout(l).map(GeoPackageStore.TableLayout::table).orElse(l));
            }
            if (layer == null) {
                if (layers.size() != 1) {
                    throw new ImportException("file " + name + " holds " + (layers.isEmpty() ? "no feature layers"
                            : "layers " + String.join(", ", layers) + "; choose one with --source-layer"));
                }
                layer = layers.get(0);
            }
            String chosen = layer;
            this.source = store.source(chosen).orElseThrow(() -> new ImportException("file " + name
                    + " has no layer " + chosen + " (its layers: " + String.join(", ", layers) + ")"));
            this.schema = source.schema();
            GeoPackageStore.TableLayout layout = store.layout(chosen).orElseThrow();
            for (AttributeDef a : schema.attributes()) {
                // The SQL column name is the name in the file; the store's name differs only where it generated one.
                fields.add(new SourceField(layout.columns().getOrDefault(a.name(), a.name()), a.type(), a.length()));
            }
            for (String col : layout.unread()) {
                notes.add("file " + name + ", layer " + layout.table() + ": column " + col + " holds binary data"
                        + " (BLOB), which cannot be imported; it was left out");
            }
            if (srid != null) {
                crs = new SourceCrs(CrsSupport.require(srid, "--srid"), "given with --srid");
            } else if (schema.srid() > 0) {
                crs = new SourceCrs(CrsSupport.require(schema.srid(), "file " + name + ", layer " + chosen),
                        "from the GeoPackage layer " + chosen);
            } else {
                throw new ImportException("file " + name + ", layer " + chosen + ": the layer has no CRS; give "
                        + "its EPSG code with --srid");
            }
            this.count = source.count(Query.ALL);
        } catch (RuntimeException e) {
            store.close();
            if (e instanceof StoreException se) {
                throw new ImportException("file " + name + ": " + se.getMessage(), se);
            }
            throw e;
        }
    }

    @Override
    public String fileName() {
        return name;
    }

    @Override
    public String format() {
        return "GeoPackage";
    }

    @Override
    public List<SourceField> fields() {
        return fields;
    }

    @Override
    public GeometryKind geometryKind() {
        return schema.geometryKind();
    }

    @Override
    public long featureCount() {
        return count;
    }

    @Override
    public SourceCrs crs() {
        return crs;
    }

    @Override
    public SourceEncoding encoding() {
        return null;
    }

    @Override
    public List<String> notes() {
        return notes;
    }

    @Override
    public Iterator<SourceFeature> features() {
        if (cursor != null) {
            throw new IllegalStateException("features() may be called once");
        }
        cursor = source.query(Query.ALL);
        return new Iterator<>() {
            private long row;

            @Override
            public boolean hasNext() {
                try {
                    return cursor.hasNext();
                } catch (StoreException e) {
                    throw ImportException.at(name, row + 1, null, null, "cannot read: " + e.getMessage());
                }
            }

            @Override
            public SourceFeature next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Feature f = cursor.next();
                Object[] values = new Object[f.valueCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = f.value(i);
                }
                return new SourceFeature(++row, f.id() == null ? null : "fid " + f.id(), f.geometry(), values);
            }
        };
    }

    @Override
    public void close() {
        if (cursor != null) {
            cursor.close();
        }
        store.close();
    }
}
