package org.gengdi.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.gengdi.core.store.StoreException.Kind;
import org.junit.jupiter.api.Test;

/** SQLState classes to store error kinds. */
class PostGisErrorsTest {

    @Test
    void kinds() {
        assertThat(kind("08001")).isEqualTo(Kind.UNAVAILABLE);
        assertThat(kind("08006")).isEqualTo(Kind.UNAVAILABLE);
        assertThat(kind("57P01")).isEqualTo(Kind.UNAVAILABLE);
        assertThat(kind("57014")).isEqualTo(Kind.UNAVAILABLE);
        assertThat(kind("53300")).isEqualTo(Kind.UNAVAILABLE);
        assertThat(kind("40P01")).isEqualTo(Kind.UNAVAILABLE);
        assertThat(kind("22001")).isEqualTo(Kind.INVALID_DATA);
        assertThat(kind("23505")).isEqualTo(Kind.INVALID_DATA);
        assertThat(kind("42P01")).isEqualTo(Kind.UNKNOWN_LAYER);
        assertThat(kind("42601")).isEqualTo(Kind.INTERNAL);
        assertThat(PostGisErrors.kindOf(new SQLTransientConnectionException("pool timeout"))).isEqualTo(Kind.UNAVAILABLE);
        assertThat(PostGisErrors.kindOf(new SQLException("no state"))).isEqualTo(Kind.INTERNAL);
    }

    private static Kind kind(String state) {
        return PostGisErrors.kindOf(new SQLException("x", state));
    }
}
