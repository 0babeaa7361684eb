package cn.ecozone.accesslist;

import cn.ecozone.text.LocalizedText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code access-list.json} (format {@code ecozone-access-list/2}, see docs/access-list.md): reading and writing. */
public final class AccessListJson {
    public static final String FORMAT = "ecozone-access-list/2";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AccessListJson() {}

    /** Reads the file; a missing file is an empty list (no requirements: every site is judged by zone rules alone — none). */
    public static AccessList read(Path file) {
        if (file == null || !Files.isRegularFile(file)) return AccessList.EMPTY;
        try {
            return parse(MAPPER.readTree(file.toFile()));
        } catch (IOException e) {
            throw new AccessListException("准入清单文件无法读取 / cannot read access list " + file + ": " + e.getMessage(), e);
        } catch (AccessListException e) {
            throw new AccessListException(file + ": " + e.getMessage(), e);
        }
    }

    public static AccessList parse(byte[] json) {
        try {
            return parse(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new AccessListException("准入清单 JSON 无法解析 / the access list is not valid JSON: " + e.getMessage(), e);
        }
    }

    public static AccessList parse(JsonNode root) {
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new AccessListException("准入清单格式应为 \"" + FORMAT + "\"（见 docs/access-list.md），而不是 \"" + root.path("format").asText()
                    + "\" / the access list must be format " + FORMAT);
        }
        List<Industry> industries = new ArrayList<>();
        for (JsonNode i : root.path("industries")) {
            industries.add(new Industry(text(i, "id"), i.path("zh").asText(text(i, "id")), i.path("en").asText("")));
        }
        List<Unit> units = new ArrayList<>();
        for (JsonNode u : root.path("units")) {
            units.add(new Unit(text(u, "code"), u.path("name").asText(""), u.path("province").asText(""), u.path("city").asText(""),
                    u.path("county").asText(""), u.path("type").asText("")));
        }
        List<Requirement> requirements = new ArrayList<>();
        int n = 0;
        for (JsonNode r : root.path("requirements")) {
            n++;
            String id = r.path("id").asText("");
            try {
                requirements.add(requirement(r));
            } catch (AccessListException e) {
                throw new AccessListException("要求 requirement #" + n + (id.isEmpty() ? "" : " (" + id + ")") + ": " + e.getMessage(), e);
            }
        }
        return new AccessList(localized(root.path("title")), industries, units, requirements);
    }

    private static Requirement requirement(JsonNode r) {
        ZoneSelector zone = null;
        if (r.hasNonNull("zone")) {
            JsonNode z = r.path("zone");
            Map<String, List<String>> match = new LinkedHashMap<>();
            z.path("match").fields().forEachRemaining(e -> {
                List<String> values = new ArrayList<>();
                if (e.getValue().isArray()) e.getValue().forEach(v -> values.add(v.asText()));
                else values.add(e.getValue().asText());
                match.put(e.getKey(), List.copyOf(values));
            });
            zone = new ZoneSelector(text(z, "collection"), match);
        }
        List<String> industries = new ArrayList<>();
        r.path("industries").forEach(v -> industries.add(v.asText()));
        JsonNode b = r.path("basis");
        Basis basis = b.isTextual() ? new Basis("", b.asText(), "") : new Basis(b.path("issuer").asText(""), b.path("document").asText(""),
                b.path("article").asText(""));
        return new Requirement(text(r, "id"), Level.of(text(r, "level")), text(r, "scope"), zone, Dimension.of(text(r, "dimension")),
                Effect.of(text(r, "effect")), industries, localized(r.path("text")), basis);
    }

    private static LocalizedText localized(JsonNode t) {
        return t.isTextual() ? LocalizedText.of(t.asText(), null) : LocalizedText.of(t.path("zh").asText(""), t.path("en").asText(null));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw new AccessListException("缺少字段 " + field + " / missing field \"" + field + "\"");
        }
        return v.asText().trim();
    }

    /** The file's JSON tree, in the file's field order. */
    public static ObjectNode tree(AccessList list) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.set("title", zhEn(list.title()));
        ArrayNode inds = root.putArray("industries");
        for (Industry i : list.industries()) inds.addObject().put("id", i.id()).put("zh", i.zh()).put("en", i.en());
        ArrayNode units = root.putArray("units");
        for (Unit u : list.units()) {
            units.addObject().put("code", u.code()).put("name", u.name()).put("province", u.province()).put("city", u.city())
                    .put("county", u.county()).put("type", u.type());
        }
        ArrayNode reqs = root.putArray("requirements");
        for (Requirement r : list.requirements()) reqs.add(requirement(r));
        return root;
    }

    /** One requirement as in the file ({@code level}, {@code dimension} and {@code effect} in Chinese). */
    public static ObjectNode requirement(Requirement r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", r.id()).put("level", r.level().zh()).put("scope", r.scope());
        if (r.zone() != null) {
            ObjectNode z = o.putObject("zone");
            z.put("collection", r.zone().collection());
            ObjectNode m = z.putObject("match");
            new TreeMap<>(r.zone().match()).forEach((k, v) -> {
                ArrayNode a = m.putArray(k);
                v.forEach(a::add);
            });
        }
        o.put("dimension", r.dimension().zh()).put("effect", r.effect().zh());
        if (!r.industries().isEmpty()) {
            ArrayNode a = o.putArray("industries");
            r.industries().forEach(a::add);
        }
        o.set("text", zhEn(r.text()));
        o.putObject("basis").put("issuer", r.basis().issuer()).put("document", r.basis().document()).put("article", r.basis().article());
        return o;
    }

    private static ObjectNode zhEn(LocalizedText t) {
        return MAPPER.createObjectNode().put("zh", t.zh()).put("en", t.en());
    }

    public static byte[] bytes(AccessList list) {
        try {
            return (MAPPER.writeValueAsString(tree(list)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the file atomically (a temporary file fsynced, then moved over the old one). */
    public static void write(AccessList list, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (var ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(bytes(list)));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
