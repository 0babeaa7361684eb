package cn.ecozone.layer.postgis;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListJson;
import cn.ecozone.analysis.DataVersion;
import cn.ecozone.cli.Main;
import cn.ecozone.layer.LayerLoader;
import cn.ecozone.layer.LayerSet;
import cn.ecozone.testsupport.PostgisCluster;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The data version hashes content, not files: the sample in memory and imported into PostGIS has one version. */
class DataVersionBothModesTest {
    @Test
    void theSampleHasTheSameDataVersionEmbeddedAndInPostgisAndAnEditInTheDatabaseChangesIt() throws Exception {
        String url = PostgisCluster.shared().createDatabase("dataversion");
        assertEquals(0, Main.run(new String[] {"import", "--db", url, "--layers", "layers"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err));
        LayerSet memory = LayerLoader.load(Path.of("layers")).layers();
        LayerSet postgis = PostgisLayers.of(memory.catalog(), Databases.pool(url));
        AccessList list = AccessListJson.read(Path.of("layers/access-list.json"));
        DataVersion m = DataVersion.of(memory, list), p = DataVersion.of(postgis, list);
        assertEquals(m, p);
        // a change in the database (with its revision bumped, as edits do) is a new version
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE control_unit SET type = '重点管控' WHERE code = 'ZH14021530002'");
            st.executeUpdate("UPDATE ecozone_meta SET revision = revision + 1 WHERE layer = 'control_unit'");
        }
        DataVersion changed = DataVersion.of(postgis, list);
        assertNotEquals(m.layersHash(), changed.layersHash());
        assertEquals(m.accessListHash(), changed.accessListHash());
    }
}
