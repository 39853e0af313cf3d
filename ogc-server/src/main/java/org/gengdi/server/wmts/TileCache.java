package org.gengdi.server.wmts;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.gengdi.server.ows.OwsException;

/**
 * Encoded tiles in memory, least recently used first out when their bytes pass a bound, filled a metatile at a time.
 * Keys carry the layer's data version, so tiles of replaced data are never served again (they age out). Requests
 * for tiles of a metatile that is being rendered wait for that one rendering rather than starting their own. Safe
 * to share between threads.
 */
final class TileCache {
    /** The default bound of the cached bytes: 256 MB. */
    static final long DEFAULT_MAX_BYTES = 256L << 20;
    /** What one entry costs besides its bytes (key, map entry, array header), roughly. */
    private static final int ENTRY_OVERHEAD = 200;

    /**
     * One metatile: the unit of rendering.
     *
     * @param version the layer's data version when it was rendered
     */
    record MetaKey(String layer, String style, String matrixSet, String matrix, String format, long version,
                   long metaRow, long metaCol) {
    }

    /** One tile of a metatile. */
    record TileKey(MetaKey meta, long row, long col) {
    }

    private final long maxBytes;
    private final LinkedHashMap<TileKey, byte[]> tiles = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;
    private final ConcurrentHashMap<MetaKey, CompletableFuture<Map<TileKey, byte[]>>> rendering =
            new ConcurrentHashMap<>();
    private final AtomicLong renders = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();

    TileCache(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("the tile cache needs a positive size");
        }
        this.maxBytes = maxBytes;
    }

    /**
     * The tile, from the cache or by rendering its metatile with {@code render} (which returns every tile of the
     * metatile); concurrent callers of the same metatile share one rendering and its failure.
     */
    byte[] tile(TileKey key, Function<MetaKey, Map<TileKey, byte[]>> render) {
        for (int attempt = 0; ; attempt++) {
            byte[] hit = cached(key);
            if (hit != null) {
                hits.incrementAndGet();
                return hit;
            }
            CompletableFuture<Map<TileKey, byte[]>> mine = new CompletableFuture<>();
            CompletableFuture<Map<TileKey, byte[]>> running = rendering.putIfAbsent(key.meta(), mine);
            if (running == null) {
                byte[] late = cached(key); // another rendering may have finished between the look-up and now
                if (late != null) {
                    rendering.remove(key.meta(), mine);
                    mine.complete(Map.of(key, late)); // waiters for other tiles find theirs in the cache
                    hits.incrementAndGet();
                    return late;
                }
                try {
                    Map<TileKey, byte[]> all = render.apply(key.meta());
                    renders.incrementAndGet();
                    synchronized (this) {
                        all.forEach(this::store);
                    }
                    mine.complete(all);
                    return all.get(key);
                } catch (RuntimeException | Error e) {
                    mine.completeExceptionally(e);
                    throw e;
                } finally {
                    rendering.remove(key.meta(), mine);
                }
            }
            Map<TileKey, byte[]> all = await(running);
            byte[] tile = all.get(key);
            if (tile != null || attempt >= 2) {
                return tile;
            }
        }
    }

    private static Map<TileKey, byte[]> await(CompletableFuture<Map<TileKey, byte[]>> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OwsException(OwsException.Code.ServiceUnavailable, null, "interrupted while waiting for a tile");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    synchronized byte[] cached(TileKey key) {
        return tiles.get(key);
    }

    private void store(TileKey key, byte[] tile) {
        byte[] old = tiles.put(key, tile);
        if (old != null) {
            bytes -= old.length + ENTRY_OVERHEAD;
        }
        bytes += tile.length + ENTRY_OVERHEAD;
        Iterator<byte[]> eldest = tiles.values().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().length + ENTRY_OVERHEAD;
            eldest.remove();
        }
    }

    /** Metatiles rendered so far (tests and the benchmark read it). */
    long renders() {
        return renders.get();
    }

    /** Tiles served from the cache so far. */
    long hits() {
        return hits.get();
    }

    /** The bytes held now, overhead included. */
    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return tiles.size();
    }
}
