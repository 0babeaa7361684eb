package cn.ecozone.accesslist;

import cn.ecozone.text.LocalizedText;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The list as one flat CSV (UTF-8 with BOM, CRLF, RFC 4180 quoting, Chinese headers; docs/access-list.md): one row per
 * record, the column 记录 saying what the row is — 标题 (the list's title), 行业 (an industry), 单元 (a control unit)
 * or 要求 (one requirement, every field in its own column). Rows keep the list's order.
 */
public final class AccessListCsv {
    public static final String NAME = "CSV";
    static final String KIND = "记录", ID = "编号", TEXT = "内容", EN = "English", LEVEL = "层级", SCOPE = "范围", PROVINCE = "省", CITY = "市",
            COUNTY = "区县", TYPE = "管控单元分类", DIMENSION = "维度", EFFECT = "效力", INDUSTRIES = "行业", COLLECTION = "图层", MATCH = "匹配条件",
            ISSUER = "依据发布机关", DOCUMENT = "依据文件", ARTICLE = "依据条款";
    static final List<String> HEADERS = List.of(KIND, ID, TEXT, EN, LEVEL, SCOPE, PROVINCE, CITY, COUNTY, TYPE, DIMENSION, EFFECT, INDUSTRIES,
            COLLECTION, MATCH, ISSUER, DOCUMENT, ARTICLE);
    static final String TITLE_ROW = "标题", INDUSTRY_ROW = "行业", UNIT_ROW = "单元", REQUIREMENT_ROW = "要求";

    private AccessListCsv() {}

    // ---------------------------------------------------------------- writing

    public static byte[] bytes(AccessList list) {
        StringBuilder s = new StringBuilder("\uFEFF");
        row(s, HEADERS.toArray(String[]::new));
        row(s, TITLE_ROW, "", list.title().zh(), en(list.title()));
        for (Industry i : list.industries()) row(s, INDUSTRY_ROW, i.id(), i.zh(), i.en());
        for (Unit u : list.units()) row(s, UNIT_ROW, u.code(), u.name(), "", "", "", u.province(), u.city(), u.county(), u.type());
        for (Requirement r : list.requirements()) {
            row(s, REQUIREMENT_ROW, r.id(), r.text().zh(), en(r.text()), r.level().zh(), r.scope(), "", "", "", "", r.dimension().zh(), r.effect().zh(),
                    String.join("、", r.industries()), r.zone() == null ? "" : r.zone().collection(), r.zone() == null ? "" : AccessListXlsx.match(r.zone()),
                    r.basis().issuer(), r.basis().document(), r.basis().article());
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String en(LocalizedText t) {
        return t.en() == null || t.en().equals(t.zh()) ? "" : t.en();
    }

    private static void row(StringBuilder s, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) s.append(',');
            String f = fields[i] == null ? "" : fields[i];
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                s.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                s.append(f);
            }
        }
        s.append("\r\n");
    }

    // ---------------------------------------------------------------- reading

    /** RFC 4180 records (quoted fields may hold commas, quotes and line breaks); a leading BOM is skipped. */
    static List<List<String>> records(String text) {
        List<List<String>> out = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0, n = text.length();
        List<String> rec = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false, any = false;
        while (i < n) {
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < n && text.charAt(i) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    f.append(c);
                }
            } else if (c == '"' && f.isEmpty()) {
                quoted = true;
                any = true;
            } else if (c == ',') {
                rec.add(f.toString());
                f.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i < n && text.charAt(i) == '\n') i++;
                rec.add(f.toString());
                out.add(rec);
                rec = new ArrayList<>();
                f.setLength(0);
                any = false;
            } else {
                f.append(c);
                any = true;
            }
        }
        if (any || !f.isEmpty()) {
            rec.add(f.toString());
            out.add(rec);
        }
        return out;
    }

    public static AccessListImport.Result read(byte[] csv, Set<String> knownUnitCodes) {
        List<List<String>> recs = records(new String(csv, StandardCharsets.UTF_8));
        if (recs.isEmpty()) return AccessListImport.Result.failed("CSV 文件为空 / the CSV file is empty");
        List<Table.Row> rows = new ArrayList<>();
        for (int i = 1; i < recs.size(); i++) rows.add(new Table.Row(i + 1, recs.get(i)));
        Table t = new Table(NAME, recs.get(0), rows);
        ImportLog log = new ImportLog();
        if (!t.requireColumns(HEADERS, log)) return AccessListImport.Result.of(null, log.finish(AccessList.EMPTY, null));
        int[] c = HEADERS.stream().mapToInt(t::column).toArray();
        LocalizedText title = LocalizedText.of("", null);
        List<Industry> industries = new ArrayList<>();
        for (Table.Row r : rows) {
            if (r.get(c[0]).strip().equals(INDUSTRY_ROW)) {
                String id = r.get(c[1]).strip();
                if (id.isEmpty()) log.error(t.place(r.number(), c[1]), "行业编号为空 / empty industry id");
                else industries.add(new Industry(id, r.get(c[2]).isBlank() ? id : r.get(c[2]).strip(), r.get(c[3]).strip()));
            } else if (r.get(c[0]).strip().equals(TITLE_ROW)) {
                title = LocalizedText.of(r.get(c[2]), r.get(c[3]).isEmpty() ? null : r.get(c[3]));
            }
        }
        AccessList names = new AccessList(title, industries, List.of(), List.of());
        List<Unit> units = new ArrayList<>();
        List<Requirement> reqs = new ArrayList<>();
        for (Table.Row r : rows) {
            if (r.blank()) continue;
            String kind = r.get(c[0]).strip();
            switch (kind) {
                case TITLE_ROW, INDUSTRY_ROW -> { }
                case UNIT_ROW -> {
                    String code = r.get(c[1]).strip();
                    if (code.isEmpty()) {
                        log.error(t.place(r.number(), c[1]), "环境管控单元编码为空 / empty unit code");
                        continue;
                    }
                    log.unit(code, t.place(r.number(), c[1]));
                    units.add(new Unit(code, r.get(c[2]).strip(), r.get(c[6]).strip(), r.get(c[7]).strip(), r.get(c[8]).strip(), r.get(c[9]).strip()));
                }
                case REQUIREMENT_ROW -> requirement(t, r, c, names, log).ifPresent(reqs::add);
                default -> log.error(t.place(r.number(), c[0]), "记录类型应为 标题/行业/单元/要求，而不是“" + kind + "” / record must be 标题, 行业, 单元 or 要求");
            }
        }
        AccessList list = new AccessList(title, industries, units, reqs);
        return AccessListImport.Result.of(list, log.finish(list, knownUnitCodes));
    }

    private static Optional<Requirement> requirement(Table t, Table.Row r, int[] c, AccessList names, ImportLog log) {
        RowReader in = new RowReader(t, r, log);
        String id = in.required(c[1], RowReader.EMPTY_ID);
        Level level = in.parsed(c[4], Level::of);
        String scope = in.required(c[5], RowReader.EMPTY_SCOPE);
        Dimension dimension = in.parsed(c[10], Dimension::of);
        Effect effect = in.parsed(c[11], Effect::of);
        ZoneSelector zone = in.zone(c[13], c[14]);
        String zh = in.required(c[2], RowReader.EMPTY_TEXT);
        if (!in.ok()) return Optional.empty();
        log.requirement(id, t.place(r.number(), c[1]));
        return Optional.of(new Requirement(id, level, scope, zone, dimension, effect, AccessListItems.industries(r.get(c[12]), names),
                LocalizedText.of(zh, r.get(c[3]).isEmpty() ? null : r.get(c[3])), new Basis(r.get(c[15]), r.get(c[16]), r.get(c[17]))));
    }
}
