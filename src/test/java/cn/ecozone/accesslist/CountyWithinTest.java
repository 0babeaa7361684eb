package cn.ecozone.accesslist;

import cn.ecozone.testsupport.RealSizeAccessList;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link AccessList#countyWithin} answers what a zone rule below 国家 asked before by scanning the whole unit table
 * ("some unit of a county of this name lies within the scope"): held to that scan on the shipped list and on a
 * national-size one (200 counties drawn at random, each against its own units' scopes and codes and 20 drawn from
 * every scope any unit or requirement names), plus names no unit has.
 */
class CountyWithinTest {

    /** The former question, as a scan over the units. */
    private static boolean scan(AccessList list, String county, String scope) {
        return list.units().stream().anyMatch(u -> u.county().equals(county) && u.within(scope));
    }

    private static int compare(AccessList list, int maxCounties, int sampleScopes, long seed) {
        Map<String, List<Unit>> byCounty = new LinkedHashMap<>();
        Set<String> scopes = new LinkedHashSet<>();
        for (Unit u : list.units()) {
            byCounty.computeIfAbsent(u.county(), k -> new ArrayList<>()).add(u);
            scopes.add(u.code());
            scopes.addAll(u.scopes());
        }
        for (Requirement r : list.requirements()) scopes.add(r.scope());
        scopes.add("不存在省/不存在市");
        scopes.add("");
        List<String> scopeList = new ArrayList<>(scopes), counties = new ArrayList<>(byCounty.keySet());
        Random rnd = new Random(seed);
        if (counties.size() > maxCounties) {
            java.util.Collections.shuffle(counties, rnd);
            counties = new ArrayList<>(counties.subList(0, maxCounties));
        }
        counties.add("不存在区");
        counties.add("");
        int yes = 0, asked = 0;
        for (String county : counties) {
            // every scope for a small list; for a large one, the county's own units' scopes and codes plus a random sample
            List<String> ask = new ArrayList<>();
            if (scopeList.size() <= sampleScopes) ask.addAll(scopeList);
            else {
                for (Unit u : byCounty.getOrDefault(county, List.of())) {
                    ask.add(u.code());
                    ask.addAll(u.scopes());
                }
                for (int i = 0; i < sampleScopes; i++) ask.add(scopeList.get(rnd.nextInt(scopeList.size())));
            }
            for (String scope : ask) {
                boolean expected = scan(list, county, scope);
                assertEquals(expected, list.countyWithin(county, scope), county + " within " + scope);
                if (expected) yes++;
                asked++;
            }
        }
        assertTrue(yes > 0 && yes < asked, "both answers occur: " + yes + " of " + asked);
        return asked;
    }

    @Test
    void theShippedListAnswersAsTheScanForEveryCountyAndScope() {
        AccessList list = AccessListJson.read(Path.of("layers/access-list.json"));
        assertTrue(list.units().size() > 10);
        compare(list, Integer.MAX_VALUE, Integer.MAX_VALUE, 1);
    }

    @Test
    void aNationalSizeListAnswersAsTheScan() {
        AccessList list = RealSizeAccessList.generate();
        assertEquals(RealSizeAccessList.UNITS, list.units().size());
        assertTrue(compare(list, 200, 20, 2) > 5_000);
    }
}
