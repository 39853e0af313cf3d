package org.gengdi.store.postgis;

import org.gengdi.core.store.FeatureStore;
import org.gengdi.store.contract.JobRepositoryContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The job-table contract on a live PostGIS; the second store is a second pool, as a second instance has. */
@EnabledIfSystemProperty(named = TestDatabase.PROPERTY, matches = ".*\\S.*", disabledReason = TestDatabase.SKIPPED)
class PostGisJobsTest extends JobRepositoryContract {
    private String schema;

    @Override
    protected FeatureStore openEmptyStore() {
        schema = TestDatabase.freshSchema("jobs");
        return TestDatabase.open(schema);
    }

    @Override
    protected FeatureStore openSecondStore() {
        return TestDatabase.open(schema);
    }

    @AfterEach
    void dropSchema() {
        TestDatabase.dropSchema(schema);
    }
}
