package cn.ecozone.layer;

import cn.ecozone.io.JsonSyntax;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a layer's GeoJSON FeatureCollection file, streaming feature by feature (large layers never sit in
 * memory as a JSON tree), into features plus the problems found. Broken JSON is reported with its line.
 */
public final class LayerFileReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LayerFileReader() {}

    /** Features in file order and all problems (file-level ones have a null feature id). */
    public record Content(List<SimpleFeature> features, List<Problem> problems) {}

    public static Content read(Path file, LayerDef layer, SimpleFeatureType type) {
        List<Problem> problems = new ArrayList<>();
        List<SimpleFeature> features = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            problems.add(Problem.error(layer.id(), null, "找不到图层文件 / layer file not found: " + file));
            return new Content(features, problems);
        }
        FeatureBuilder builder = new FeatureBuilder(layer, type);
        Set<String> ids = new HashSet<>();
        try (InputStream in = Files.newInputStream(file); JsonParser p = new JsonFactory(MAPPER).createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                problems.add(Problem.error(layer.id(), null, file.getFileName() + ": 不是 GeoJSON FeatureCollection 对象"));
                return new Content(features, problems);
            }
            boolean sawFeatures = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("features") && p.currentToken() == JsonToken.START_ARRAY) {
                    sawFeatures = true;
                    int index = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode f = p.readValueAsTree();
                        FeatureBuilder.Result r = builder.build(f, index++);
                        problems.addAll(r.problems());
                        if (r.feature() == null) continue;
                        if (!ids.add(r.feature().getID())) {
                            problems.add(Problem.error(layer.id(), r.feature().getID(), "编号重复 / duplicate id"));
                            continue;
                        }
                        features.add(r.feature());
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!sawFeatures) problems.add(Problem.error(layer.id(), null, file.getFileName() + ": 缺少 features 数组 / no \"features\" array"));
        } catch (JsonParseException e) {
            problems.add(Problem.error(layer.id(), null, file.getFileName() + ": " + JsonSyntax.describe(e)));
        } catch (IOException e) {
            problems.add(Problem.error(layer.id(), null, file.getFileName() + ": 读取失败 / cannot read: " + e.getMessage()));
        }
        return new Content(features, problems);
    }
}
