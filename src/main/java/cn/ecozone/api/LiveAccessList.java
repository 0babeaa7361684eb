package cn.ecozone.api;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListCheck;
import cn.ecozone.accesslist.AccessListStore;
import cn.ecozone.layer.LayerStore;

import java.io.IOException;

/**
 * The routes' view of the {@link LayerStore}'s access list. Handlers take {@link #current()} once per request; an
 * import stores the new list first and swaps it in only once it is stored, so a request sees the old or the new list,
 * never a mix. A reload reads it again together with the layers ({@link LayerStore#reload()}).
 */
public final class LiveAccessList {
    private final LayerStore<AccessList> store;
    private final AccessListStore lists;

    /** @param lists where the store keeps the list (the same one {@link #checked} wrapped) */
    public LiveAccessList(LayerStore<AccessList> store, AccessListStore lists) {
        this.store = store;
        this.lists = lists;
    }

    /** An {@link AccessListStore} as the layer store sees it: a list is checked when it is read, and refused with its errors. */
    public static LayerStore.ListStore<AccessList> checked(AccessListStore lists) {
        return new LayerStore.ListStore<>() {
            @Override
            public AccessList load() {
                return AccessListCheck.requireValid(lists.load());
            }

            @Override
            public void store(AccessList list) throws IOException {
                lists.store(list);
            }

            @Override
            public String describe() {
                return lists.describe();
            }
        };
    }

    public AccessList current() {
        return store.accessList();
    }

    /** Where the list is kept, to {@link AccessListStore#describe() name} it; lists are stored through {@link #replace}. */
    public AccessListStore store() {
        return lists;
    }

    /** Stores and swaps in a list that has already been validated. */
    public void replace(AccessList next) throws IOException {
        store.replaceAccessList(next);
    }
}
