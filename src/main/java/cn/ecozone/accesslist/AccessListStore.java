package cn.ecozone.accesslist;

import java.io.IOException;

/** Where the live access list is kept: a file beside the layers (embedded mode) or tables (PostGIS mode). */
public interface AccessListStore {
    AccessList load();

    /** Stores a validated list atomically: after a failure the old list is still there, whole. */
    void store(AccessList list) throws IOException;

    /** A human name for messages ({@code layers/access-list.json}, {@code PostGIS}). */
    String describe();
}
