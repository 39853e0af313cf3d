package org.gengdi.server.wmts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.crs.GkZone;
import org.gengdi.server.ows.PublishedLayers;
import org.locationtech.jts.geom.Envelope;

/**
 * The tile matrix sets this server offers — WebMercatorQuad, CGCS2000Quad (天地图 tiling of EPSG:4490) and the
 * Gauss-Krüger zone of the published data — and the layers' extents in their CRSs (cached per stored extent).
 */
final class TileMatrixSets {
    /** The zone used when no published layer is stored in a Gauss-Krüger CRS: zone 39 (117°E), the sample county's. */
    static final int DEFAULT_GK_SRID = 4527;

    private record ExtentKey(String layer, Envelope bounds, int sourceSrid, int targetSrid) {
    }

    private final List<TileMatrixSet> sets;
    private final Map<ExtentKey, Optional<Envelope>> extents = new ConcurrentHashMap<>();

    TileMatrixSets(int gkSrid) {
        GkZone zone = CrsRegistry.get().gkZone(gkSrid).orElseThrow(() -> new IllegalArgumentException(
                "EPSG:" + gkSrid + " is not a CGCS2000 Gauss-Krüger CRS"));
        this.sets = List.of(TileMatrixSet.webMercatorQuad(), TileMatrixSet.cgcs2000Geographic(),
                TileMatrixSet.gaussKruger(zone));
    }

    /** The sets with the Gauss-Krüger zone of the first published layer stored in one (else EPSG:4527). */
    static TileMatrixSets forLayers(PublishedLayers layers) {
        CrsRegistry crs = CrsRegistry.get();
        return new TileMatrixSets(layers.all().stream().map(l -> l.stored().srid())
                .filter(s -> crs.gkZone(s).isPresent()).findFirst().orElse(DEFAULT_GK_SRID));
    }

    List<TileMatrixSet> all() {
        return sets;
    }

    /** The set with this identifier (case-insensitive), or null. */
    TileMatrixSet find(String id) {
        for (TileMatrixSet s : sets) {
            if (s.identifier().equalsIgnoreCase(id)) {
                return s;
            }
        }
        return null;
    }

    /** A layer's extent (stored in {@code sourceSrid}) in another CRS, x = east; null when it cannot be told. */
    Envelope extent(String layer, Envelope bounds, int sourceSrid, int targetSrid) {
        if (bounds == null || bounds.isNull()) {
            return null;
        }
        return extents.computeIfAbsent(new ExtentKey(layer, bounds, sourceSrid, targetSrid), k -> {
            try {
                Envelope e = sourceSrid == targetSrid ? new Envelope(bounds)
                        : CrsRegistry.get().transform(sourceSrid, targetSrid).transform(bounds);
                return e.isNull() || !Double.isFinite(e.getWidth()) || !Double.isFinite(e.getHeight())
                        ? Optional.empty() : Optional.of(e);
            } catch (RuntimeException outsideTheDomain) {
                return Optional.empty();
            }
        }).orElse(null);
    }
}
