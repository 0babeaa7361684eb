package cn.ecozone.api;

import cn.ecozone.accesslist.FileAccessListStore;
import cn.ecozone.error.EcoZoneException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layer store refuses a reload (422, nothing changed) when its list store says BAD_INPUT (LayerStoreTest); the
 * server's list store says exactly that for an access list that cannot be read, so a broken access-list.json is a
 * refused reload, not a 400 or a 500.
 */
class LiveAccessListTest {
    @Test
    void aBrokenAccessListIsBadInputForTheLayerStore(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("access-list.json");
        Files.writeString(file, "{ not json");
        EcoZoneException e = assertThrows(EcoZoneException.class, () -> LiveAccessList.checked(new FileAccessListStore(file)).load());
        assertEquals(EcoZoneException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("access-list.json"), e.getMessage());
    }
}
