package cn.ecozone.accesslist;

import cn.ecozone.layer.postgis.Databases;
import cn.ecozone.layer.postgis.PostgisAccessListStore;
import cn.ecozone.testsupport.PostgisCluster;
import cn.ecozone.testsupport.RealSizeAccessList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A real-size list (44,604 units × 4 dimensions plus 总体准入要求 of 31 provinces, 372 cities, 3,720 counties) through
 * xlsx, CSV and JSON and back, and into PostGIS and back: correctness asserted, times printed (wall and this thread's
 * CPU, for README), not asserted. Run: {@code mvn -B -Pbench test -Dtest=RealSizeInterchangeBenchmark}.
 */
@Tag("bench")
class RealSizeInterchangeBenchmark {
    static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @Test
    void aNationalSizeListExportsAndImportsInEachFormatUnchanged() {
        AccessList list = RealSizeAccessList.generate();
        assertEquals(List.of(), AccessListCheck.findings(list).stream().limit(5).toList(), "the generated list is valid");
        assertEquals(RealSizeAccessList.UNITS, list.units().size());
        Set<String> codes = new HashSet<>();
        list.units().forEach(u -> codes.add(u.code()));
        AccessListImport.write(list, AccessListImport.Format.XLSX); // warm-up: the first run is mostly JIT compilation
        AccessListImport.read(AccessListImport.write(list, AccessListImport.Format.CSV), AccessListImport.Format.CSV, codes);
        for (AccessListImport.Format f : List.of(AccessListImport.Format.XLSX, AccessListImport.Format.CSV, AccessListImport.Format.JSON)) {
            long t0 = System.nanoTime(), c0 = cpu();
            byte[] bytes = AccessListImport.write(list, f);
            long t1 = System.nanoTime(), c1 = cpu();
            AccessListImport.Result back = AccessListImport.read(bytes, f, codes);
            long t2 = System.nanoTime(), c2 = cpu();
            assertEquals(List.of(), back.errors().stream().limit(5).toList(), f.name());
            assertTrue(list.equals(back.list()), f.name() + ": the list read back differs");
            System.out.printf("[real-size %s] %d units, %d requirements, %.1f MB: export %.2f s (CPU %.2f s), import+validate %.2f s (CPU %.2f s)%n",
                    f.extension(), list.units().size(), list.requirements().size(), bytes.length / 1e6, (t1 - t0) / 1e9, (c1 - c0) / 1e9,
                    (t2 - t1) / 1e9, (c2 - c1) / 1e9);
        }
    }

    @Test
    void aNationalSizeListIsStoredInPostgisInOneTransactionAndReadBackInOrder() throws Exception {
        AccessList list = RealSizeAccessList.generate();
        PostgisAccessListStore store = new PostgisAccessListStore(Databases.pool(PostgisCluster.shared().createDatabase("albench")));
        store.store(AccessList.EMPTY);
        long t0 = System.nanoTime();
        store.store(list);
        long t1 = System.nanoTime();
        AccessList back = store.load();
        long t2 = System.nanoTime();
        assertTrue(list.equals(back), "the list read back differs");
        System.out.printf("[real-size postgis] store (COPY, one transaction) %.2f s, load %.2f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }
}
