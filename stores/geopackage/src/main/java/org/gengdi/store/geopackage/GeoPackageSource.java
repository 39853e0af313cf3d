package org.gengdi.store.geopackage;

import static org.gengdi.store.geopackage.Sqlite.q;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.List;
import java.util.function.Predicate;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.Query;
import org.gengdi.core.feature.SortBy;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.FilterEvaluator;
import org.gengdi.core.filter.Filters;
import org.gengdi.core.filter.InvalidFilterException;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.StoreException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * One feature table of a GeoPackage. Queries become one SELECT with the translatable part of the filter, the bbox
 * as an R-tree pre-filter, the sort keys (then the id) and — when nothing is left for memory — LIMIT/OFFSET; the
 * rest of the filter, the exact bbox test and then paging run on the streamed rows.
 */
final class GeoPackageSource implements FeatureSource {
    private final GeoPackageStore store;
    private final LayerInfo layer;
    private final FeatureType type;
    private final GeometryFactory factory;

    GeoPackageSource(GeoPackageStore store, LayerInfo layer) {
        this.store = store;
        this.layer = layer;
        this.type = layer.type();
        this.factory = new GeometryFactory(new PrecisionModel(), type.srid());
    }

    LayerInfo layer() {
        return layer;
    }

    @Override
    public FeatureType schema() {
        return type;
    }

    @Override
    public Envelope bounds() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT min_x, max_x, min_y, max_y FROM gpkg_contents WHERE table_name = ? COLLATE NOCASE")) {
                ps.setString(1, layer.table());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getObject(1) != null && rs.getObject(2) != null && rs.getObject(3) != null
                            && rs.getObject(4) != null) {
                        return new Envelope(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4));
                    }
                }
            }
            // Other writers may leave the extent unset: compute it from the geometry headers.
            String g = q(layer.geometryColumn());
            try (PreparedStatement ps = c.prepareStatement("SELECT min(ST_MinX(" + g + ")), max(ST_MaxX(" + g
                    + ")), min(ST_MinY(" + g + ")), max(ST_MaxY(" + g + ")) FROM " + q(layer.table()));
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null) {
                    return new Envelope(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4));
                }
                return new Envelope();
            }
        });
    }

    @Override
    public long count(Query query) {
        SqlFilter.Plan plan = SqlFilter.plan(query.filter(), query.bbox(), layer);
        if (plan.residual() == null) {
            return store.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM " + q(layer.table()) + " WHERE " + plan.where())) {
                    bind(ps, plan.params(), 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
        }
        boolean spatial = needsGeometry(plan.residual());
        long n = 0;
        try (FeatureCursor c = open(plan, new BitSet(), spatial, List.of(), 0, -1)) {
            while (c.hasNext()) {
                c.next();
                n++;
            }
        }
        return n;
    }

    @Override
    public FeatureCursor query(Query query) {
        BitSet selected = selected(query.properties());
        SqlFilter.Plan plan = SqlFilter.plan(query.filter(), query.bbox(), layer);
        FeatureCursor cursor = plan.residual() == null
                ? open(plan, selected, true, query.sortBy(), query.offset(), query.limit())
                : open(plan, selected, true, query.sortBy(), 0, -1);
        return plan.residual() == null ? cursor : cursor.sliced(query.offset(), query.limit());
    }

    @Override
    public boolean canPushDown(Filter filter) {
        try {
            return SqlFilter.pushable(filter, type);
        } catch (InvalidFilterException e) {
            return false;
        }
    }

    @Override
    public long version() {
        return store.read(c -> GengdiMetadata.version(c, layer.table()));
    }

    /** SQLite's plan for a query (for tests that check the R-tree is used). */
    String explain(Query query) {
        SqlFilter.Plan plan = SqlFilter.plan(query.filter(), query.bbox(), layer);
        return store.read(c -> {
            StringBuilder out = new StringBuilder();
            String sql = select(plan, packedRow(new BitSet()), true, query.sortBy(), false);
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                bind(ps, plan.params(), 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.append(rs.getString(4)).append('\n');
                    }
                }
            }
            return out.toString();
        });
    }

    private FeatureCursor open(SqlFilter.Plan plan, BitSet selected, boolean geometry, List<SortBy> sort,
                               long offset, long limit) {
        BitSet decoded = (BitSet) selected.clone();
        Predicate<Feature> residual = null;
        int[] clear = new int[0];
        if (plan.residual() != null) {
            residual = FilterEvaluator.compile(plan.residual(), type);
            BitSet needed = referenced(plan.residual());
            needed.andNot(selected);
            clear = needed.stream().toArray();
            decoded.or(needed);
        }
        boolean paged = offset > 0 || limit >= 0;
        PackedRow attributes = packedRow(decoded);
        String sql = select(plan, attributes, geometry, sort, paged);
        Connection c = store.borrow();
        try {
            PreparedStatement ps = c.prepareStatement(sql);
            try {
                int next = bind(ps, plan.params(), 1);
                if (paged) {
                    ps.setLong(next, limit);
                    ps.setLong(next + 1, offset);
                }
                ResultSet rs = ps.executeQuery();
                return new GpkgCursor(store.pool(), c, ps, rs, type, layer.table(), layer.pkColumn(), attributes,
                        geometry, new GpkgGeometry.Decoder(factory), residual, clear);
            } catch (SQLException | RuntimeException e) {
                ps.close();
                throw e;
            }
        } catch (SQLException e) {
            store.pool().release(c);
            throw GeoPackageStore.failure("cannot query " + type.name(), e);
        } catch (RuntimeException e) {
            store.pool().release(c);
            throw e;
        }
    }

    private String select(SqlFilter.Plan plan, PackedRow attributes, boolean geometry, List<SortBy> sort,
                          boolean paged) {
        StringBuilder sql = new StringBuilder("SELECT ").append(q(layer.pkColumn()));
        if (geometry) {
            sql.append(", ").append(q(layer.geometryColumn()));
        }
        if (attributes.columnCount() > 0) {
            sql.append(", ").append(attributes.columns());
        }
        sql.append(" FROM ").append(q(layer.table())).append(" WHERE ").append(plan.where()).append(" ORDER BY ");
        for (SortBy s : sort) {
            int i = type.indexOf(s.property());
            if (i < 0) {
                throw new StoreException(StoreException.Kind.INVALID_QUERY,
                        "cannot sort " + type.name() + " by unknown property '" + s.property() + "'");
            }
            // SQLite orders NULL lowest and text by UTF-8 bytes (code points), as the contract requires.
            sql.append(q(layer.columns().get(i))).append(s.ascending() ? " ASC, " : " DESC, ");
        }
        sql.append(q(layer.pkColumn())).append(" ASC");
        if (paged) {
            sql.append(" LIMIT ? OFFSET ?");
        }
        return sql.toString();
    }

    private PackedRow packedRow(BitSet selected) {
        int[] index = selected.stream().toArray();
        List<AttributeDef> attrs = new java.util.ArrayList<>(index.length);
        List<String> columns = new java.util.ArrayList<>(index.length);
        for (int i : index) {
            attrs.add(type.attributes().get(i));
            columns.add(layer.columns().get(i));
        }
        return new PackedRow(attrs, columns, index);
    }

    /** The attribute indexes a query returns; unknown names are an INVALID_QUERY. */
    private BitSet selected(List<String> properties) {
        BitSet b = new BitSet();
        if (properties == null) {
            b.set(0, type.attributes().size());
            return b;
        }
        for (String p : properties) {
            int i = type.indexOf(p);
            if (i >= 0) {
                b.set(i);
            } else if (!type.isGeometry(p)) {
                throw new StoreException(StoreException.Kind.INVALID_QUERY,
                        "unknown property '" + p + "' in " + type.name());
            }
        }
        return b;
    }

    private BitSet referenced(Filter f) {
        BitSet b = new BitSet();
        Filters.walk(f, n -> {
            String p = Filters.propertyOf(n);
            int i = p == null ? -1 : type.indexOf(p);
            if (i >= 0) {
                b.set(i);
            }
        });
        return b;
    }

    private static boolean needsGeometry(Filter f) {
        boolean[] found = new boolean[1];
        Filters.walk(f, n -> found[0] |= n instanceof Filter.Spatial || n instanceof Filter.Distance
                || n instanceof Filter.IsNull);
        return found[0];
    }

    /** Binds parameters from a position; returns the next free position. */
    static int bind(PreparedStatement ps, List<Object> params, int from) throws SQLException {
        int i = from;
        for (Object v : params) {
            if (v instanceof String s) {
                ps.setString(i, s);
            } else if (v instanceof Integer n) {
                ps.setInt(i, n);
            } else if (v instanceof Long n) {
                ps.setLong(i, n);
            } else if (v instanceof Double d) {
                ps.setDouble(i, d);
            } else if (v instanceof Boolean b) {
                ps.setInt(i, b ? 1 : 0);
            } else if (v instanceof java.time.LocalDate d) {
                ps.setString(i, d.toString());
            } else {
                throw new IllegalStateException("unexpected parameter " + v.getClass());
            }
            i++;
        }
        return i;
    }

    @Override
    public String toString() {
        return "GeoPackageSource[" + type.name() + "]";
    }
}
