package org.gengdi.store.geopackage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.gengdi.core.store.StoreException;
import org.gengdi.core.task.SqlJobRepository;

/**
 * The job tables inside the GeoPackage file, on a connection of their own (so a long import never blocks a job's
 * progress). The tables are plain SQLite tables, not listed in {@code gpkg_contents}, which the GeoPackage
 * standard allows; GDAL and QGIS ignore them.
 */
final class GeoPackageJobs implements SqlJobRepository.Dialect {
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock(true);

    private GeoPackageJobs(Connection connection) {
        this.connection = connection;
    }

    static SqlJobRepository open(Path file) {
        try {
            return new SqlJobRepository(new GeoPackageJobs(Sqlite.openWriter(file)));
        } catch (SQLException e) {
            throw GeoPackageStore.failure("cannot open the job tables of " + file, e);
        }
    }

    @Override
    public Connection acquire() {
        lock.lock();
        return connection;
    }

    @Override
    public void release(Connection c) {
        lock.unlock();
    }

    @Override
    public String table(String name) {
        return Sqlite.q(name);
    }

    @Override
    public String binaryType() {
        return "BLOB";
    }

    @Override
    public String claimLock() {
        return ""; // one UPDATE is atomic in SQLite: the file has a single writer at a time
    }

    @Override
    public StoreException error(SQLException e, String doing) {
        return GeoPackageStore.failure(doing, e);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing: nothing to do about it
        } finally {
            lock.unlock();
        }
    }
}
