package org.gengdi.store.geopackage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;

/**
 * Read-only connections, one per concurrent reader (a cursor holds its connection until closed). Idle connections
 * are kept up to a small number and opened on demand beyond it, so parallel requests never queue behind each other.
 */
final class ReadPool implements AutoCloseable {
    private final Opener opener;
    private final int maxIdle;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private int open;
    private boolean closed;

    /** Opens one read-only connection. */
    interface Opener {
        Connection open() throws SQLException;
    }

    ReadPool(Opener opener, int maxIdle) {
        this.opener = opener;
        this.maxIdle = maxIdle;
    }

    Connection borrow() throws SQLException {
        synchronized (this) {
            if (closed) {
                throw new SQLException("the GeoPackage store is closed");
            }
            Connection c = idle.pollFirst();
            if (c != null) {
                return c;
            }
            open++;
        }
        try {
            return opener.open();
        } catch (SQLException | RuntimeException e) {
            synchronized (this) {
                open--;
            }
            throw e;
        }
    }

    /** Returns a connection whose statements are all closed. */
    void release(Connection c) {
        synchronized (this) {
            if (!closed && idle.size() < maxIdle) {
                idle.addFirst(c);
                return;
            }
            open--;
        }
        closeQuietly(c);
    }

    /** Notes that a lent connection was closed instead of returned. */
    synchronized void discarded() {
        open--;
    }

    /** Connections open now, idle or lent. */
    synchronized int openConnections() {
        return open;
    }

    @Override
    public void close() {
        ArrayDeque<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            open -= idle.size();
            idle.clear();
        }
        toClose.forEach(ReadPool::closeQuietly);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing to do: the connection is gone either way
        }
    }
}
