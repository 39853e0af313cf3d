package org.gengdi.core.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FeatureCursorTest {
    private static final FeatureType TYPE = new FeatureType("T", "t", "geom", GeometryKind.POINT, 4490, List.of());

    /** A cursor over ids that records when it is opened and closed. */
    private static Supplier<FeatureCursor> tracked(List<String> log, String name, int n) {
        return () -> {
            log.add("open " + name);
            List<Feature> fs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                fs.add(new Feature(TYPE, name + i, null, new Object[0]));
            }
            FeatureCursor inner = FeatureCursor.of(fs);
            return new FeatureCursor() {
                public boolean hasNext() {
                    return inner.hasNext();
                }

                public Feature next() {
                    return inner.next();
                }

                public void close() {
                    log.add("close " + name);
                }
            };
        };
    }

    @Test
    void concatOpensEachCursorOnlyWhenTheOneBeforeIsUsedUp() {
        List<String> log = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (FeatureCursor c = FeatureCursor.concat(List.of(tracked(log, "a", 2), tracked(log, "e", 0),
                tracked(log, "b", 1)))) {
            assertThat(log).isEmpty();
            while (c.hasNext()) {
                ids.add(c.next().id());
                if (ids.size() == 1) {
                    assertThat(log).containsExactly("open a");
                }
            }
        }
        assertThat(ids).containsExactly("a0", "a1", "b0");
        assertThat(log).containsExactly("open a", "close a", "open e", "close e", "open b", "close b");
    }

    @Test
    void closingHalfWayClosesTheOpenCursorOnly() {
        List<String> log = new ArrayList<>();
        FeatureCursor c = FeatureCursor.concat(List.of(tracked(log, "a", 3), tracked(log, "b", 3)));
        c.next();
        c.close();
        assertThat(log).containsExactly("open a", "close a");
        assertThat(FeatureCursor.concat(List.of()).hasNext()).isFalse();
    }
}
