package org.gengdi.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.gengdi.core.store.StoreException;
import org.junit.jupiter.api.Test;

/** An unreachable database is UNAVAILABLE, quickly. Needs no database. */
class PostGisUnavailableTest {

    @Test
    void closedPortIsUnavailableWithinTheTimeout() {
        PostGisConfig cfg = PostGisConfig.of("jdbc:postgresql://127.0.0.1:1/gengdi_test?user=postgres&password=secret")
                .withTimeouts(Duration.ofSeconds(2), null);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> PostGisStore.open(cfg))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StoreException.Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("127.0.0.1:1").doesNotContain("secret");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void configHidesThePassword() {
        PostGisConfig cfg = PostGisConfig.of("jdbc:postgresql://db/x?password=secret").withCredentials("u", "pw");
        assertThat(cfg.toString()).doesNotContain("secret").doesNotContain("pw,");
        assertThat(cfg.schema()).isEqualTo("gengdi");
        assertThatThrownBy(() -> cfg.withSchema("bad-name")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostGisConfig.of("jdbc:mysql://x")).isInstanceOf(IllegalArgumentException.class);
    }
}
