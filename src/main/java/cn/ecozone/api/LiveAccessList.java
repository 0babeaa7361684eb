package cn.ecozone.api;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListCheck;
import cn.ecozone.accesslist.AccessListStore;

import java.io.IOException;

/**
 * The access list the server answers from. Handlers take {@link #current()} once per request; an import stores the
 * new list first and swaps it in only once it is stored, so a request sees the old or the new list, never a mix.
 */
public final class LiveAccessList {
    private final AccessListStore store;
    private volatile AccessList current;

    public LiveAccessList(AccessListStore store) {
        this.store = store;
        this.current = AccessListCheck.requireValid(store.load());
    }

    public AccessList current() {
        return current;
    }

    public AccessListStore store() {
        return store;
    }

    /** Stores and swaps in a list that has already been validated. */
    public synchronized void replace(AccessList next) throws IOException {
        store.store(next);
        current = next;
    }

    /** Reads the store again (the files were reloaded); a list with errors is refused and the old one kept. */
    public synchronized void reload() {
        current = AccessListCheck.requireValid(store.load());
    }
}
