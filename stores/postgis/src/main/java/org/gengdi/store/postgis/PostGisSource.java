package org.gengdi.store.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.Query;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.FilterEvaluator;
import org.gengdi.core.filter.FilterValidator;
import org.gengdi.core.filter.InvalidFilterException;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.StoreException;
import org.locationtech.jts.geom.Envelope;

/**
 * One PostGIS layer table. Bbox, filter, sort and paging go to the database as one parameterised query; the
 * rare filter parts SQL cannot express exactly (see {@link SqlTranslator#canTranslate}) are applied to the
 * streamed rows in memory, with paging then done in memory too.
 */
final class PostGisSource implements FeatureSource {
    private final PostGisStore store;
    private final LayerTable table;
    private final SqlTranslator sql;
    private final boolean hasMetadata;
    private final String tag;
    private volatile Envelope bounds;

    /**
     * @param version the data version when the layer was looked up; it tags the statements so that the driver's
     *                per-connection cache of server-prepared statements never reuses a plan across a replace
     *                that changed column types
     */
    PostGisSource(PostGisStore store, LayerTable table, Envelope bounds, boolean hasMetadata, long version) {
        this.store = store;
        this.table = table;
        this.sql = new SqlTranslator(table);
        this.bounds = bounds;
        this.hasMetadata = hasMetadata;
        this.tag = "/* " + table.table() + " v" + version + " */ ";
    }

    @Override
    public FeatureType schema() {
        return table.type();
    }

    @Override
    public Envelope bounds() {
        Envelope b = bounds;
        if (b == null) {
            // Tables written by the store have their exact extent in the metadata; others are measured once.
            String g = LayerTable.quote(table.geometryColumn());
            String text = "SELECT min(ST_XMin(" + g + ")), min(ST_YMin(" + g + ")), max(ST_XMax(" + g + ")), "
                    + "max(ST_YMax(" + g + ")) FROM " + table.qualified();
            try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(text);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                double minX = rs.getDouble(1);
                b = rs.wasNull() ? new Envelope() : new Envelope(minX, rs.getDouble(3), rs.getDouble(2), rs.getDouble(4));
            } catch (SQLException e) {
                throw PostGisErrors.map(e, "measuring " + table.table());
            }
            bounds = b;
        }
        return new Envelope(b);
    }

    @Override
    public long count(Query query) {
        Filter f = validate(query.filter());
        SqlTranslator.Split split = sql.split(f);
        if (!(split.residual() instanceof Filter.Include)) {
            long n = 0;
            try (FeatureCursor c = query(query.unpaged())) {
                while (c.hasNext()) {
                    c.next();
                    n++;
                }
            }
            return n;
        }
        Sql count = sql.count(query.bbox(), split.pushed());
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(count.text())) {
            count.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw PostGisErrors.map(e, "counting " + table.table());
        }
    }

    @Override
    public FeatureCursor query(Query query) {
        Filter f = validate(query.filter());
        FeatureType type = table.type();
        int[] selected = selected(query.properties());
        SqlTranslator.Split split = sql.split(f);
        try {
            if (split.residual() instanceof Filter.Include) {
                Sql select = sql.select(attributes(selected), query.bbox(), split.pushed(), query.sortBy(),
                        query.offset(), query.limit());
                return PostGisCursor.open(store.connection(), tagged(select), type, selected);
            }
            // Part of the filter runs in memory: read every attribute it may need, page after filtering.
            int[] all = selected(null);
            Sql select = sql.select(type.attributes(), query.bbox(), split.pushed(), query.sortBy(), 0, -1);
            Predicate<Feature> rest = FilterEvaluator.compile(split.residual(), type);
            FeatureCursor c = PostGisCursor.open(store.connection(), tagged(select), type, all).filtered(rest)
                    .sliced(query.offset(), query.limit());
            return selected.length == all.length ? c : c.mapped(x -> keepOnly(x, selected));
        } catch (InvalidFilterException e) {
            throw new StoreException(StoreException.Kind.INVALID_QUERY, e.getMessage(), e);
        }
    }

    @Override
    public boolean canPushDown(Filter filter) {
        try {
            return sql.canTranslate(FilterValidator.validate(filter, table.type()));
        } catch (InvalidFilterException e) {
            return false;
        }
    }

    @Override
    public long version() {
        if (!hasMetadata) {
            return 0;
        }
        try (Connection c = store.connection()) {
            return store.metadata().version(c, table.table());
        } catch (SQLException e) {
            throw PostGisErrors.map(e, "reading the version of " + table.table());
        }
    }

    /** EXPLAIN (FORMAT JSON) of the statement a query runs, for tests and diagnosis. */
    String explain(Query query) {
        Filter f = validate(query.filter());
        Sql select = sql.select(attributes(selected(query.properties())), query.bbox(), sql.split(f).pushed(),
                query.sortBy(), query.offset(), query.limit());
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("EXPLAIN (FORMAT JSON) " + select.text())) {
            select.bind(ps);
            StringBuilder b = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    b.append(rs.getString(1));
                }
            }
            return b.toString();
        } catch (SQLException e) {
            throw PostGisErrors.map(e, "explaining a query on " + table.table());
        }
    }

    LayerTable table() {
        return table;
    }

    private Sql tagged(Sql s) {
        return new Sql(tag + s.text(), s.params());
    }

    private Filter validate(Filter f) {
        try {
            return FilterValidator.validate(f, table.type());
        } catch (InvalidFilterException e) {
            throw new StoreException(StoreException.Kind.INVALID_QUERY, e.getMessage(), e);
        }
    }

    /**
     * Indexes of the attributes to read, in schema order: all of them, or those named (ignoring case; the
     * geometry name is allowed and ignored). The others come back null, under the full schema.
     */
    private int[] selected(List<String> properties) {
        FeatureType type = table.type();
        if (properties == null) {
            return java.util.stream.IntStream.range(0, type.attributes().size()).toArray();
        }
        boolean[] keep = new boolean[type.attributes().size()];
        for (String p : properties) {
            if (type.isGeometry(p)) {
                continue;
            }
            int i = type.indexOf(p);
            if (i < 0) {
                throw new StoreException(StoreException.Kind.INVALID_QUERY,
                        "unknown property '" + p + "' in " + type.name());
            }
            keep[i] = true;
        }
        return java.util.stream.IntStream.range(0, keep.length).filter(i -> keep[i]).toArray();
    }

    private List<AttributeDef> attributes(int[] indexes) {
        List<AttributeDef> out = new ArrayList<>(indexes.length);
        for (int i : indexes) {
            out.add(table.type().attributes().get(i));
        }
        return out;
    }

    private static Feature keepOnly(Feature f, int[] selected) {
        Object[] values = new Object[f.valueCount()];
        for (int i : selected) {
            values[i] = f.value(i);
        }
        return new Feature(f.type(), f.id(), f.geometry(), values);
    }
}
