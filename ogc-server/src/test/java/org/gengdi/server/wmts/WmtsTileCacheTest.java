package org.gengdi.server.wmts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gengdi.server.wmts.TileCache.MetaKey;
import org.gengdi.server.wmts.TileCache.TileKey;
import org.junit.jupiter.api.Test;

/** The tile cache alone: its byte bound, one rendering per metatile, and failures. */
class WmtsTileCacheTest {

    static MetaKey meta(long metaCol, long version) {
        return new MetaKey("L", "default", "WebMercatorQuad", "10", "PNG", version, 0, metaCol);
    }

    /** A metatile of 4 tiles of {@code size} bytes each. */
    static Map<TileKey, byte[]> tiles(MetaKey m, int size) {
        Map<TileKey, byte[]> out = new HashMap<>();
        for (int c = 0; c < 4; c++) {
            out.put(new TileKey(m, 0, m.metaCol() * 4 + c), new byte[size]);
        }
        return out;
    }

    @Test
    void staysWithinItsByteBoundDroppingTheLeastRecentlyUsed() {
        TileCache cache = new TileCache(100_000);
        for (int i = 0; i < 50; i++) {
            MetaKey m = meta(i, 1);
            cache.tile(new TileKey(m, 0, i * 4), k -> tiles(k, 10_000));
            assertThat(cache.bytes()).isLessThanOrEqualTo(100_000);
        }
        assertThat(cache.size()).isBetween(1, 10);
        assertThat(cache.cached(new TileKey(meta(49, 1), 0, 49 * 4))).isNotNull();
        assertThat(cache.cached(new TileKey(meta(0, 1), 0, 0))).isNull();
        assertThat(cache.renders()).isEqualTo(50);
    }

    @Test
    void aNewDataVersionIsANewKey() {
        TileCache cache = new TileCache(1 << 20);
        cache.tile(new TileKey(meta(0, 1), 0, 0), k -> tiles(k, 10));
        cache.tile(new TileKey(meta(0, 1), 0, 1), k -> tiles(k, 10));
        assertThat(cache.renders()).isEqualTo(1);
        cache.tile(new TileKey(meta(0, 2), 0, 0), k -> tiles(k, 10));
        assertThat(cache.renders()).isEqualTo(2);
    }

    @Test
    void concurrentCallersShareOneRenderingAndItsFailure() throws Exception {
        TileCache cache = new TileCache(1 << 20);
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            MetaKey m = meta(7, 1);
            Future<byte[]> first = pool.submit(() -> cache.tile(new TileKey(m, 0, 28), k -> {
                calls.incrementAndGet();
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("drawing failed");
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            Future<byte[]> second = pool.submit(() -> cache.tile(new TileKey(m, 0, 29), k -> {
                calls.incrementAndGet();
                return tiles(k, 10);
            }));
            Thread.sleep(200);
            release.countDown();
            assertThatThrownBy(first::get).hasRootCauseMessage("drawing failed");
            assertThatThrownBy(second::get).hasRootCauseMessage("drawing failed");
            assertThat(calls).hasValue(1);
            // a failure is not cached: the next request renders again
            assertThat(cache.tile(new TileKey(m, 0, 29), k -> tiles(k, 10))).hasSize(10);
        } finally {
            pool.shutdownNow();
        }
    }
}
