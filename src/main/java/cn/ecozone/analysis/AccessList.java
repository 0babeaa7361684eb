package cn.ecozone.analysis;

import cn.ecozone.layer.LocalizedText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The access list (准入清单, {@code layers/access-list.json}): industries and clauses. A clause applies to a
 * feature of its collection when every attribute in {@code match} has one of the listed values, and — when it
 * names industries — the project's industry is one of them.
 */
public record AccessList(List<Industry> industries, List<Clause> clauses) {
    public static final AccessList EMPTY = new AccessList(List.of(), List.of());

    public AccessList {
        industries = List.copyOf(industries);
        clauses = List.copyOf(clauses);
    }

    public record Industry(String id, String zh, String en) {}

    /**
     * @param match attribute → accepted values (compared as text); empty matches every feature of the collection
     * @param industries industry ids the clause is limited to; empty: every project
     */
    public record Clause(String id, String collection, Map<String, List<String>> match, Severity severity, LocalizedText text,
                         String basis, List<String> industries) {
        public boolean appliesTo(String featureCollection, Map<String, Object> properties, String industryId) {
            if (!collection.equals(featureCollection)) return false;
            if (!industries.isEmpty() && industryId != null && !industries.contains(industryId)) return false;
            for (Map.Entry<String, List<String>> m : match.entrySet()) {
                Object v = properties.get(m.getKey());
                if (v == null || !m.getValue().contains(String.valueOf(v))) return false;
            }
            return true;
        }
    }

    /** The industry by id, Chinese or English name (e.g. {@code pv}, {@code 光伏}). */
    public Optional<Industry> industry(String idOrName) {
        if (idOrName == null) return Optional.empty();
        String s = idOrName.trim();
        return industries.stream().filter(i -> i.id().equalsIgnoreCase(s) || i.zh().equals(s) || s.equalsIgnoreCase(i.en())).findFirst();
    }

    /** Reads the file; a missing file is an empty access list (no clauses, every site "allowed" by the list). */
    public static AccessList read(Path file) {
        if (file == null || !Files.isRegularFile(file)) return EMPTY;
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("准入清单文件无法读取 / cannot read access list " + file + ": " + e.getMessage(), e);
        }
        List<Industry> industries = new ArrayList<>();
        for (JsonNode i : root.path("industries")) {
            industries.add(new Industry(i.path("id").asText(), i.path("zh").asText(i.path("id").asText()), i.path("en").asText("")));
        }
        List<Clause> clauses = new ArrayList<>();
        int n = 0;
        for (JsonNode c : root.path("clauses")) {
            n++;
            Map<String, List<String>> match = new LinkedHashMap<>();
            c.path("match").fields().forEachRemaining(e -> {
                List<String> values = new ArrayList<>();
                if (e.getValue().isArray()) e.getValue().forEach(v -> values.add(v.asText()));
                else values.add(e.getValue().asText());
                match.put(e.getKey(), List.copyOf(values));
            });
            List<String> inds = new ArrayList<>();
            c.path("industries").forEach(v -> inds.add(v.asText()));
            JsonNode text = c.path("text");
            LocalizedText t = text.isTextual() ? LocalizedText.of(text.asText(), null)
                    : LocalizedText.of(text.path("zh").asText(""), text.path("en").asText(null));
            String id = c.path("id").asText("clause-" + n);
            try {
                clauses.add(new Clause(id, c.path("collection").asText(), match, Severity.of(c.path("severity").asText()), t,
                        c.path("basis").asText(""), List.copyOf(inds)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": 条款 " + id + ": " + e.getMessage(), e);
            }
        }
        return new AccessList(industries, clauses);
    }
}
