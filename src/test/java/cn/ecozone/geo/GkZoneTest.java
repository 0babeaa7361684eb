package cn.ecozone.geo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GkZoneTest {
    @ParameterizedTest(name = "lon {0} → zone {1}, EPSG:{2} (prefix) / EPSG:{3}")
    @CsvSource({
            "113.30, 38, 4526, 4547",   // 平城区, Datong
            "113.60, 38, 4526, 4547",   // 云州区
            "112.43, 37, 4525, 4546",   // 朔城区 west of 112.5°E
            "112.60, 38, 4526, 4547",   // 朔城区 east of 112.5°E
            "116.40, 39, 4527, 4548",   // Beijing
            "75.00, 25, 4513, 4534",
    })
    void zoneAndEpsgCodes(double lon, int zone, int withPrefix, int withoutPrefix) {
        GkZone z = GkZone.ofLongitude(lon);
        assertEquals(zone, z.number());
        assertEquals(withPrefix, z.epsgWithPrefix());
        assertEquals(withoutPrefix, z.epsgWithoutPrefix());
        assertEquals(zone * 3.0, z.centralMeridian());
        assertEquals(z, GkZone.ofEpsg(withPrefix));
        assertEquals(z, GkZone.ofEpsg(withoutPrefix));
        assertTrue(GkZone.hasZonePrefix(withPrefix));
    }

    @Test
    void theZoneBoundaryOf112Point5BelongsToTheEasternZone() {
        assertEquals(37, GkZone.ofLongitude(112.4999).number());
        assertEquals(38, GkZone.ofLongitude(112.5).number());
    }

    @Test
    void codesThatAreNotGaussKrugerZonesAreNotMistakenForOne() {
        assertNull(GkZone.ofEpsg(4490));
        assertNull(GkZone.ofEpsg(4326));
        assertThrows(IllegalArgumentException.class, () -> new GkZone(60));
    }

    @Test
    void chineseAreaUnits() {
        Area a = Area.ofM2(10_000);
        assertEquals(1.0, a.ha(), 1e-12);
        assertEquals(15.0, a.mu(), 1e-12);
        assertEquals(666.6666666666666, AreaUnits.muToM2(1), 1e-9);
    }
}
