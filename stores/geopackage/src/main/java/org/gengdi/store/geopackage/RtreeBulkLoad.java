package org.gengdi.store.geopackage;

import static org.gengdi.store.geopackage.Sqlite.q;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * Builds a freshly created SQLite R*Tree in one pass (Sort-Tile-Recursive packing) by writing its shadow tables
 * ({@code _node}, {@code _rowid}, {@code _parent}) directly, as GDAL's bulk loader does: inserting through the
 * virtual table costs about as much per feature as the feature row itself.
 *
 * <p>Envelopes are staged in a temporary table during loading and read back ordered by x; only one vertical slab
 * of entries (√(n·M) of them, M ≈ 51 per node) and the non-leaf levels (n / M) are held in memory. The node format
 * is SQLite's: a 2-byte tree depth (root only), a 2-byte cell count, then per cell a big-endian 8-byte id and four
 * 4-byte floats (minx, maxx, miny, maxy), rounded outwards as the R-tree module rounds them. Node 1 is the root.
 */
final class RtreeBulkLoad implements AutoCloseable {
    /** A temporary table (connection-private, never in the file); found first by its unqualified name. */
    private static final String STAGING = "gengdi_rtree_staging";
    private static final int CELL = 24;

    private final Connection c;
    private final String rtree;
    private final BatchInsert staging;
    private long count;
    private int nodeSize;
    private int maxCells;
    private long nextNode = 2;
    private BatchInsert nodes;
    private BatchInsert rowids;
    private BatchInsert parents;

    RtreeBulkLoad(Connection c, String rtree) throws SQLException {
        this.c = c;
        this.rtree = rtree;
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS temp." + STAGING);
            s.execute("CREATE TEMP TABLE " + STAGING + " (id INTEGER, minx REAL, maxx REAL, miny REAL, maxy REAL)");
        }
        staging = new BatchInsert(c, STAGING, List.of("id", "minx", "maxx", "miny", "maxy"));
    }

    void add(long id, Envelope e) throws SQLException {
        staging.add(new Object[] {id, e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY()});
        count++;
    }

    /** Writes the tree; the R-tree must be empty (just created). */
    void finish() throws SQLException {
        staging.flush();
        if (count == 0) {
            return;
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT length(data) FROM " + q(rtree + "_node") + " WHERE nodeno = 1")) {
            rs.next();
            nodeSize = rs.getInt(1);
        }
        maxCells = Math.min(51, (nodeSize - 4) / CELL);
        nodes = new BatchInsert(c, rtree + "_node", List.of("nodeno", "data"));
        rowids = new BatchInsert(c, rtree + "_rowid", List.of("rowid", "nodeno"));
        parents = new BatchInsert(c, rtree + "_parent", List.of("nodeno", "parentnode"));
        try {
            List<Entry> level = leaves();
            int depth = 0;
            while (level.size() > 1) {
                level = pack(level, ++depth);
            }
            nodes.flush();
            rowids.flush();
            parents.flush();
        } finally {
            nodes.close();
            rowids.close();
            parents.close();
        }
    }

    /** One cell: a leaf entry (feature id) or a child node, with its box in R-tree floats. */
    private record Entry(long id, float minx, float maxx, float miny, float maxy) {
        double cx() {
            return ((double) minx + maxx) / 2;
        }

        double cy() {
            return ((double) miny + maxy) / 2;
        }
    }

    /** Streams the staged envelopes by x, cuts them into slabs, sorts each by y and writes the leaves. */
    private List<Entry> leaves() throws SQLException {
        long leafCount = (count + maxCells - 1) / maxCells;
        int slabSize = (int) Math.min(Integer.MAX_VALUE - 8,
                (long) Math.ceil(Math.sqrt((double) leafCount)) * maxCells);
        List<Entry> parentsOfLeaves = new ArrayList<>();
        List<Entry> slab = new ArrayList<>(Math.min(slabSize, 1 << 16));
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, minx, maxx, miny, maxy FROM temp." + STAGING + " ORDER BY minx + maxx, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                slab.add(new Entry(rs.getLong(1), down(rs.getDouble(2)), up(rs.getDouble(3)), down(rs.getDouble(4)),
                        up(rs.getDouble(5))));
                if (slab.size() == slabSize) {
                    writeSlab(slab, 0, parentsOfLeaves, count <= maxCells);
                    slab.clear();
                }
            }
        }
        if (!slab.isEmpty()) {
            writeSlab(slab, 0, parentsOfLeaves, count <= maxCells);
        }
        return parentsOfLeaves;
    }

    /** Packs one level above {@code children} (in memory: there are n / M of them) with the same tiling. */
    private List<Entry> pack(List<Entry> children, int depth) throws SQLException {
        List<Entry> sorted = new ArrayList<>(children);
        sorted.sort(Comparator.comparingDouble(Entry::cx));
        long groups = (sorted.size() + maxCells - 1) / maxCells;
        int slabSize = (int) Math.ceil(Math.sqrt((double) groups)) * maxCells;
        List<Entry> out = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += slabSize) {
            writeSlab(sorted.subList(from, Math.min(sorted.size(), from + slabSize)), depth, out,
                    sorted.size() <= maxCells);
        }
        return out;
    }

    /** Sorts a slab by y and writes it as nodes of M cells; {@code root} when the whole level fits one node. */
    private void writeSlab(List<Entry> slab, int depth, List<Entry> out, boolean root) throws SQLException {
        Entry[] es = slab.toArray(new Entry[0]);
        Arrays.sort(es, Comparator.comparingDouble(Entry::cy));
        for (int from = 0; from < es.length; from += maxCells) {
            Entry[] cells = Arrays.copyOfRange(es, from, Math.min(es.length, from + maxCells));
            out.add(node(cells, depth, root));
        }
    }

    /** Writes one node; the root is node 1 and records the depth. */
    private Entry node(Entry[] cells, int depth, boolean root) throws SQLException {
        long nodeno = root ? 1 : nextNode++;
        ByteBuffer b = ByteBuffer.allocate(nodeSize);
        b.putShort((short) (root ? depth : 0)).putShort((short) cells.length);
        float minx = Float.POSITIVE_INFINITY;
        float maxx = Float.NEGATIVE_INFINITY;
        float miny = Float.POSITIVE_INFINITY;
        float maxy = Float.NEGATIVE_INFINITY;
        for (Entry e : cells) {
            b.putLong(e.id()).putFloat(e.minx()).putFloat(e.maxx()).putFloat(e.miny()).putFloat(e.maxy());
            minx = Math.min(minx, e.minx());
            maxx = Math.max(maxx, e.maxx());
            miny = Math.min(miny, e.miny());
            maxy = Math.max(maxy, e.maxy());
            if (depth == 0) {
                rowids.add(new Object[] {e.id(), nodeno});
            } else {
                parents.add(new Object[] {e.id(), nodeno});
            }
        }
        if (root) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE " + q(rtree + "_node") + " SET data = ? WHERE nodeno = 1")) {
                ps.setBytes(1, b.array());
                ps.executeUpdate();
            }
        } else {
            nodes.add(new Object[] {nodeno, b.array()});
        }
        return new Entry(nodeno, minx, maxx, miny, maxy);
    }

    /** The largest float not above d (the R-tree module's rounding of a minimum). */
    private static float down(double d) {
        float f = (float) d;
        return f > d ? Math.nextDown(f) : f;
    }

    /** The smallest float not below d (the rounding of a maximum). */
    private static float up(double d) {
        float f = (float) d;
        return f < d ? Math.nextUp(f) : f;
    }

    @Override
    public void close() throws SQLException {
        staging.close();
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS temp." + STAGING);
        }
    }
}
