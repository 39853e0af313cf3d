package org.gengdi.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class GengdiSettingsTest {

    @Test
    void defaultsAreTheEmbeddedSampleCounty() {
        GengdiSettings s = GengdiSettings.defaults().validate();
        assertThat(s.store()).isEqualTo("geopackage");
        assertThat(s.geopackage()).isEqualTo(Path.of("gengdi-data", "sample-county.gpkg"));
        assertThat(s.sample().parcels()).isEqualTo(50_000);
    }

    @Test
    void badValuesStopStartUpWithEveryProblemNamed() {
        GengdiSettings s = new GengdiSettings(null, "oracle", null, null, new GengdiSettings.Sample(true, 5, 1));
        assertThatThrownBy(s::validate).hasMessageContaining("gengdi.store must be")
                .hasMessageContaining("gengdi.sample.parcels");
        GengdiSettings pg = new GengdiSettings(null, "postgis", null,
                new GengdiSettings.PostGis("mysql://x", null, null, "Bad-Schema", 10), null);
        assertThatThrownBy(pg::validate).hasMessageContaining("GENGDI_POSTGIS_URL")
                .hasMessageContaining("gengdi.postgis.schema");
    }

    @Test
    void unknownKeysAreReported() {
        MockEnvironment env = new MockEnvironment().withProperty("gengdi.store", "geopackage")
                .withProperty("gengdi.postgis.poolSize", "3").withProperty("gengdi.stroe", "postgis");
        assertThat(UnknownSettingsCheck.warnUnknown(env)).containsExactly("gengdi.stroe");
    }
}
