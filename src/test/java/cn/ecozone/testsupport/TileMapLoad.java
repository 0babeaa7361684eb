package cn.ecozone.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The web map's vector-tile load: {@link SyntheticLoad}'s Voronoi control units and red lines (same generator and
 * seed as the benchmarks), plus a context layer of 20 districts (a 5 × 4 grid of 3° squares over the extent, 示意区县01…20)
 * and an access list with a requirement per unit in each of the four dimensions, and the styles of {@link WebMapFixture} for the three
 * layers. Layers go in {@code dir/layers}, styles in {@code dir/styles}; returns dir.
 */
public final class TileMapLoad {
    public static final int DISTRICT_COLUMNS = 5, DISTRICT_ROWS = 4;

    private TileMapLoad() {}

    public static Path write(Path dir, int units, int redlines) throws IOException {
        return write(dir, units, redlines, true);
    }

    /** As {@link #write(Path, int, int)}; without {@code unitLists} the access list stays {@link SyntheticLoad}'s (for the national load). */
    public static Path write(Path dir, int units, int redlines, boolean unitLists) throws IOException {
        Path layers = Files.createDirectories(dir.resolve("layers"));
        Path styles = Files.createDirectories(dir.resolve("styles"));
        SyntheticLoad.write(layers, units, redlines);
        ObjectMapper m = new ObjectMapper();
        ObjectNode catalog = (ObjectNode) m.readTree(layers.resolve("catalog.json").toFile());
        ArrayNode list = (ArrayNode) catalog.get("layers");
        list.insert(0, m.readTree("""
                {"id": "admin", "kind": "admin", "title": {"zh": "行政区", "en": "Districts"}, "file": "admin.geojson",
                 "geometryType": "polygon", "idProperty": "code", "nameProperty": "name",
                 "attributes": [{"name": "code", "type": "string", "required": true}, {"name": "name", "type": "string"}]}"""));
        m.writerWithDefaultPrettyPrinter().writeValue(layers.resolve("catalog.json").toFile(), catalog);
        StringBuilder admin = new StringBuilder("{\"type\": \"FeatureCollection\", \"features\": [\n");
        double w = SyntheticLoad.EXTENT.getWidth() / DISTRICT_COLUMNS, h = SyntheticLoad.EXTENT.getHeight() / DISTRICT_ROWS;
        for (int r = 0; r < DISTRICT_ROWS; r++) {
            for (int c = 0; c < DISTRICT_COLUMNS; c++) {
                int n = r * DISTRICT_COLUMNS + c + 1;
                double x0 = SyntheticLoad.EXTENT.getMinX() + c * w, y0 = SyntheticLoad.EXTENT.getMinY() + r * h;
                admin.append(n == 1 ? "" : ",\n").append(String.format(Locale.ROOT,
                        "{\"type\": \"Feature\", \"id\": \"D%02d\", \"properties\": {\"code\": \"D%02d\", \"name\": \"示意区县%02d\"}, "
                                + "\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}}",
                        n, n, n, x0, y0, x0 + w, y0, x0 + w, y0 + h, x0, y0 + h, x0, y0));
            }
        }
        Files.writeString(layers.resolve("admin.geojson"), admin.append("\n]}\n"));
        if (unitLists) writeAccessList(layers, units);
        for (String[] s : WebMapFixture.STYLES) {
            if (s[0].equals("admin") || s[0].equals("control_unit") || s[0].equals("redline")) Files.writeString(styles.resolve(s[0] + ".json"), s[1]);
        }
        return dir;
    }

    private static void writeAccessList(Path layers, int units) throws IOException {
        StringBuilder u = new StringBuilder(), q = new StringBuilder();
        String[] types = {"优先保护", "重点管控", "一般管控"};
        for (int i = 0; i < units; i++) {
            String code = String.format("ZH%06d", i);
            u.append(i == 0 ? "" : ",\n").append(String.format(
                    "{\"code\": \"%s\", \"name\": \"单元%d\", \"province\": \"示意省\", \"city\": \"示意市\", \"county\": \"示意县\", \"type\": \"%s\"}",
                    code, i, types[i % 3]));
            String[][] dims = {{"S", "空间布局约束", "限制", "限制高强度开发"}, {"E", "污染物排放管控", "要求", "执行排放标准"},
                    {"R", "环境风险防控", "要求", "执行风险防控要求"}, {"U", "资源利用效率", "要求", "执行用水用能标准"}};
            for (String[] d : dims) {
                q.append(q.length() == 0 ? "" : ",\n").append(String.format(
                        "{\"id\": \"%s-%s\", \"level\": \"单元\", \"scope\": \"%s\", \"dimension\": \"%s\", \"effect\": \"%s\", "
                                + "\"text\": {\"zh\": \"单元%d：%s\", \"en\": \"Unit %d\"}, "
                                + "\"basis\": {\"issuer\": \"示意县\", \"document\": \"《示意规划》\", \"article\": \"§1\"}}", code, d[0], code, d[1], d[2], i, d[3], i));
            }
        }
        Files.writeString(layers.resolve("access-list.json"), "{\"format\": \"ecozone-access-list/2\", \"title\": {\"zh\": \"合成准入清单\", \"en\": \"Synthetic access list\"},\n"
                + "\"industries\": [{\"id\": \"pv\", \"zh\": \"光伏发电\", \"en\": \"Photovoltaic\"}],\n\"units\": [" + u + "],\n\"requirements\": [" + q + "]}\n");
    }
}
