package cn.ecozone.accesslist;

import cn.ecozone.text.LocalizedText;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.Deflater;

/**
 * The 准入清单 as the spreadsheet 生态环境局 exchange (docs/access-list.md, "Spreadsheet interchange"): 「环境管控单元准入清单」
 * one row per unit with the four dimensions as numbered items; 「总体准入要求」 one row per 国家/省/市/区县 scope;
 * 「区域管控规则」 one row per zone rule; 「行业」; 「译文 English」 (every requirement in list order, with its English text);
 * 「说明」 (title and how to fill in the sheets). Written and read streaming (fastexcel).
 */
public final class AccessListXlsx {
    public static final String UNITS = "环境管控单元准入清单", OVERALL = "总体准入要求", ZONES = "区域管控规则", INDUSTRIES = "行业",
            ENGLISH = "译文 English", ABOUT = "说明";
    static final String CODE = "环境管控单元编码", NAME = "环境管控单元名称", PROVINCE = "省", CITY = "市", COUNTY = "区县", TYPE = "管控单元分类",
            LEVEL = "层级";
    static final List<String> UNIT_HEADERS = List.of(CODE, NAME, PROVINCE, CITY, COUNTY, TYPE,
            Dimension.SPATIAL.zh(), Dimension.EMISSION.zh(), Dimension.RISK.zh(), Dimension.RESOURCE.zh());
    static final List<String> OVERALL_HEADERS = List.of(LEVEL, PROVINCE, CITY, COUNTY,
            Dimension.SPATIAL.zh(), Dimension.EMISSION.zh(), Dimension.RISK.zh(), Dimension.RESOURCE.zh());
    static final List<String> ZONE_HEADERS = List.of("编号", LEVEL, "范围", "图层", "匹配条件", "维度", "效力", "行业", "要求", "依据");
    static final List<String> INDUSTRY_HEADERS = List.of("编号", "名称", "English");
    static final List<String> ENGLISH_HEADERS = List.of("编号", "English");

    private AccessListXlsx() {}

    // ---------------------------------------------------------------- writing

    public static byte[] bytes(AccessList list) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(list, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    public static void write(AccessList list, OutputStream out) throws IOException {
        Layout layout = Layout.of(list);
        Workbook wb = new Workbook(out, "EcoZone", "1.0");
        wb.setCompressionLevel(Deflater.BEST_SPEED); // a 44,604-unit list: 3× faster, about 20 % larger
        Worksheet ws = sheet(wb, UNITS, UNIT_HEADERS, new double[]{18, 28, 8, 8, 8, 10, 60, 60, 60, 60});
        int r = 1;
        for (Unit u : list.units()) {
            String[] v = {u.code(), u.name(), u.province(), u.city(), u.county(), u.type()};
            for (int c = 0; c < v.length; c++) ws.value(r, c, v[c]);
            Map<Dimension, List<Requirement>> own = layout.units.getOrDefault(u.code(), Map.of());
            for (Dimension d : Dimension.values()) cell(ws, r, 6 + d.ordinal(), own.getOrDefault(d, List.of()));
            if (++r % 1000 == 0) ws.flush();
        }
        ws.finish();
        ws = sheet(wb, OVERALL, OVERALL_HEADERS, new double[]{8, 10, 10, 10, 60, 60, 60, 60});
        r = 1;
        for (Map.Entry<String, Map<Dimension, List<Requirement>>> e : layout.overall.entrySet()) {
            Requirement any = e.getValue().values().stream().flatMap(List::stream).findFirst().orElseThrow();
            ws.value(r, 0, any.level().zh());
            List<String> places = Scope.places(any.scope());
            for (int i = 0; i < places.size() && i < 3; i++) ws.value(r, 1 + i, places.get(i));
            for (Dimension d : Dimension.values()) cell(ws, r, 4 + d.ordinal(), e.getValue().getOrDefault(d, List.of()));
            r++;
        }
        ws.finish();
        ws = sheet(wb, ZONES, ZONE_HEADERS, new double[]{12, 8, 22, 14, 22, 14, 8, 24, 60, 40});
        r = 1;
        for (Requirement q : layout.zones) {
            String[] v = {q.id(), q.level().zh(), q.scope(), q.zone() == null ? "" : q.zone().collection(), q.zone() == null ? "" : match(q.zone()),
                    q.dimension().zh(), q.effect().zh(), String.join("、", q.industries()), q.text().zh(), AccessListItems.basis(q.basis())};
            for (int c = 0; c < v.length; c++) if (!v[c].isEmpty()) ws.value(r, c, v[c]);
            r++;
        }
        ws.finish();
        ws = sheet(wb, INDUSTRIES, INDUSTRY_HEADERS, new double[]{14, 30, 30});
        r = 1;
        for (Industry i : list.industries()) {
            ws.value(r, 0, i.id());
            ws.value(r, 1, i.zh());
            if (i.en() != null && !i.en().isEmpty()) ws.value(r, 2, i.en());
            r++;
        }
        ws.finish();
        ws = sheet(wb, ENGLISH, ENGLISH_HEADERS, new double[]{24, 80});
        r = 1;
        for (Requirement q : list.requirements()) {
            ws.value(r, 0, q.id());
            if (!q.text().en().equals(q.text().zh())) ws.value(r, 1, q.text().en());
            if (++r % 1000 == 0) ws.flush();
        }
        ws.finish();
        ws = sheet(wb, ABOUT, List.of("项目", "内容", "English"), new double[]{12, 60, 60});
        ws.value(1, 0, "标题");
        ws.value(1, 1, list.title().zh());
        if (!list.title().en().equals(list.title().zh())) ws.value(1, 2, list.title().en());
        ws.value(2, 0, "格式");
        ws.value(2, 1, AccessListJson.FORMAT + "（见 docs/access-list.md「Spreadsheet interchange」）");
        String[] help = {
                "单元清单：每行一个环境管控单元；四个维度各占一列，每格内逐条编号书写，每条一行。",
                "条目写法：1.〔编号〕【效力｜行业、行业】要求内容（依据：发布机关｜文件｜条款）",
                "效力：禁止、限制、要求（省略【】时为“要求”）；禁止类须列出行业；行业写“行业”表中的编号或名称。",
                "编号可省略，导入时按“单元编码-维度字母序号”生成（S 空间布局约束、E 污染物排放管控、R 环境风险防控、U 资源利用效率）。",
                "英文译文写在「译文 English」表（编号、English），该表的行序即清单中要求的顺序；留空则与中文相同。",
                "区域管控规则：匹配条件写作“属性=值、值；属性=值”，留空表示该图层的全部要素。"};
        for (int i = 0; i < help.length; i++) ws.value(3 + i, 1, help[i]);
        ws.finish();
        wb.finish();
    }

    private static Worksheet sheet(Workbook wb, String name, List<String> headers, double[] widths) {
        Worksheet ws = wb.newWorksheet(name);
        for (int c = 0; c < headers.size(); c++) {
            ws.value(0, c, headers.get(c));
            ws.width(c, widths[c]);
        }
        ws.range(0, 0, 0, headers.size() - 1).style().bold().fillColor("DDEBF7").set();
        if (headers.contains(Dimension.SPATIAL.zh())) {
            for (Dimension d : Dimension.values()) ws.style(headers.indexOf(d.zh())).wrapText(true).set();
        }
        ws.freezePane(1, 1);
        return ws;
    }

    /** Item cells are inline strings (each is unique: a shared-strings table would only cost time and memory). */
    private static void cell(Worksheet ws, int r, int c, List<Requirement> rs) {
        if (rs.isEmpty()) return;
        ws.inlineString(r, c, AccessListItems.cell(rs));
    }

    static String match(ZoneSelector z) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(z.match()).forEach((k, v) -> parts.add(k + "=" + String.join("、", v)));
        return String.join("；", parts);
    }

    static Map<String, List<String>> parseMatch(String s) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        if (s == null || s.isBlank()) return m;
        for (String part : s.split("[；;]")) {
            if (part.isBlank()) continue;
            String[] kv = part.split("[=＝]", 2);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new AccessListException("匹配条件应写作“属性=值、值；属性=值” / match must be \"attribute=value、value；…\", got \"" + part.strip() + "\"");
            }
            List<String> values = new ArrayList<>();
            for (String v : kv[1].split("[、,，]")) if (!v.isBlank()) values.add(v.strip());
            m.put(kv[0].strip(), List.copyOf(values));
        }
        return m;
    }

    /** Where each requirement goes: a unit's cell, an 总体 row, or a row of 区域管控规则 (zone rules and anything else). */
    private record Layout(Map<String, Map<Dimension, List<Requirement>>> units, Map<String, Map<Dimension, List<Requirement>>> overall,
                          List<Requirement> zones) {
        static Layout of(AccessList list) {
            Set<String> codes = new HashSet<>();
            list.units().forEach(u -> codes.add(u.code()));
            Map<String, Map<Dimension, List<Requirement>>> units = new HashMap<>(), overall = new LinkedHashMap<>();
            List<Requirement> zones = new ArrayList<>();
            for (Requirement r : list.requirements()) {
                if (r.zone() == null && r.level() == Level.UNIT && codes.contains(r.scope())) {
                    units.computeIfAbsent(r.scope(), k -> new EnumMap<>(Dimension.class)).computeIfAbsent(r.dimension(), k -> new ArrayList<>()).add(r);
                } else if (r.zone() == null && r.level() != Level.UNIT && overallScopeFits(r)) {
                    overall.computeIfAbsent(r.level().name() + "|" + r.scope(), k -> new EnumMap<>(Dimension.class))
                            .computeIfAbsent(r.dimension(), k -> new ArrayList<>()).add(r);
                } else {
                    zones.add(r);
                }
            }
            return new Layout(units, overall, zones);
        }

        /** Whether the 层级/省/市/区县 columns can say the scope (else the requirement goes to 区域管控规则 as it is). */
        private static boolean overallScopeFits(Requirement r) {
            int parts = Scope.places(r.scope()).size();
            return switch (r.level()) {
                case NATIONAL -> Scope.NATIONAL.equals(r.scope());
                case PROVINCE -> parts == 1;
                case CITY -> parts == 2;
                case COUNTY -> parts == 3;
                case UNIT -> false;
            };
        }
    }

    // ---------------------------------------------------------------- reading

    /** Reads and validates a workbook; {@code knownUnitCodes} null skips the check against the control_unit layer. */
    public static AccessListImport.Result read(byte[] xlsx, Set<String> knownUnitCodes) {
        Map<String, Table> sheets = new HashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet s : (Iterable<Sheet>) wb.getSheets()::iterator) sheets.put(s.getName().strip(), table(s));
        } catch (IOException | RuntimeException e) {
            return AccessListImport.Result.failed("无法读取 xlsx 文件 / cannot read the xlsx file: " + e.getMessage());
        }
        return read(sheets, knownUnitCodes);
    }

    public static AccessListImport.Result read(InputStream in, Set<String> knownUnitCodes) throws IOException {
        return read(in.readAllBytes(), knownUnitCodes);
    }

    private static Table table(Sheet s) throws IOException {
        List<String> header = List.of();
        List<Table.Row> rows = new ArrayList<>();
        try (Stream<Row> stream = s.openStream()) {
            for (var row : (Iterable<Row>) stream::iterator) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) cells.add(text(row.getCell(i)));
                if (row.getRowNum() == 1) header = cells;
                else rows.add(new Table.Row(row.getRowNum(), cells));
            }
        }
        return new Table(s.getName().strip(), header, rows);
    }

    private static String text(Cell c) {
        if (c == null || c.getType() == CellType.EMPTY) return "";
        if (c.getType() == CellType.NUMBER) return c.asNumber().stripTrailingZeros().toPlainString();
        String t = c.getText();
        return t == null ? "" : t;
    }

    static AccessListImport.Result read(Map<String, Table> sheets, Set<String> knownUnitCodes) {
        ImportLog log = new ImportLog();
        Table units = sheets.get(UNITS);
        if (units == null) {
            return AccessListImport.Result.failed("缺少工作表「" + UNITS + "」/ the workbook has no sheet \"" + UNITS + "\"; 已有 sheets: " + sheets.keySet());
        }
        LocalizedText title = LocalizedText.of("", null);
        Table about = sheets.get(ABOUT);
        if (about != null) {
            for (Table.Row r : about.rows()) {
                if (r.get(0).strip().equals("标题")) title = LocalizedText.of(r.get(1), r.get(2).isEmpty() ? null : r.get(2));
            }
        }
        List<Industry> industries = new ArrayList<>();
        Table ind = sheets.get(INDUSTRIES);
        if (ind != null && ind.requireColumns(INDUSTRY_HEADERS.subList(0, 2), log)) {
            int id = ind.column("编号"), zh = ind.column("名称"), en = ind.column("English");
            for (Table.Row r : ind.rows()) {
                if (r.blank()) continue;
                if (r.get(id).isBlank()) log.error(ind.place(r.number(), id), "行业编号为空 / empty industry id");
                else industries.add(new Industry(r.get(id).strip(), r.get(zh).isBlank() ? r.get(id).strip() : r.get(zh).strip(), r.get(en).strip()));
            }
        }
        AccessList names = new AccessList(title, industries, List.of(), List.of());
        Map<String, String> english = new HashMap<>();
        Map<String, Integer> order = new HashMap<>();
        Table eng = sheets.get(ENGLISH);
        if (eng != null && eng.requireColumns(ENGLISH_HEADERS, log)) {
            int id = eng.column("编号"), en = eng.column("English");
            for (Table.Row r : eng.rows()) {
                String k = r.get(id).strip();
                if (k.isEmpty()) continue;
                order.putIfAbsent(k, order.size());
                if (!r.get(en).isEmpty()) english.putIfAbsent(k, r.get(en));
            }
        }
        Requirements reqs = new Requirements(names, english, log);
        List<Unit> unitList = new ArrayList<>();
        if (units.requireColumns(UNIT_HEADERS, log)) {
            int[] c = UNIT_HEADERS.stream().mapToInt(units::column).toArray();
            for (Table.Row r : units.rows()) {
                if (r.blank()) continue;
                String code = r.get(c[0]).strip();
                if (code.isEmpty()) {
                    log.error(units.place(r.number(), c[0]), "环境管控单元编码为空 / empty unit code");
                    continue;
                }
                log.unit(code, units.place(r.number(), c[0]));
                unitList.add(new Unit(code, r.get(c[1]).strip(), r.get(c[2]).strip(), r.get(c[3]).strip(), r.get(c[4]).strip(), r.get(c[5]).strip()));
                for (Dimension d : Dimension.values()) {
                    int col = c[6 + d.ordinal()];
                    String place = units.place(r.number(), col);
                    log.unitDimension(code, d, place);
                    reqs.cell(r.get(col), place, Level.UNIT, code, code, d);
                }
            }
        }
        Table overall = sheets.get(OVERALL);
        if (overall != null && overall.requireColumns(OVERALL_HEADERS, log)) {
            int[] c = OVERALL_HEADERS.stream().mapToInt(overall::column).toArray();
            for (Table.Row r : overall.rows()) {
                if (r.blank()) continue;
                Level level;
                try {
                    level = Level.of(r.get(c[0]));
                } catch (AccessListException e) {
                    log.error(overall.place(r.number(), c[0]), e.getMessage());
                    continue;
                }
                if (level == Level.UNIT) {
                    log.error(overall.place(r.number(), c[0]), "单元的要求写在「" + UNITS + "」中 / a unit's requirements go in the unit sheet");
                    continue;
                }
                int parts = level == Level.NATIONAL ? 0 : level == Level.PROVINCE ? 1 : level == Level.CITY ? 2 : 3;
                List<String> places = new ArrayList<>();
                boolean ok = true;
                for (int i = 0; i < 3; i++) {
                    String v = r.get(c[1 + i]).strip();
                    if (i < parts && v.isEmpty()) {
                        log.error(overall.place(r.number(), c[1 + i]), "层级为" + level.zh() + "时须填写" + OVERALL_HEADERS.get(1 + i) + " / required for level " + level.zh());
                        ok = false;
                    } else if (i >= parts && !v.isEmpty()) {
                        log.error(overall.place(r.number(), c[1 + i]), "层级为" + level.zh() + "时此列应为空 / must be empty for level " + level.zh());
                        ok = false;
                    } else if (i < parts) {
                        places.add(v);
                    }
                }
                if (!ok) continue;
                String scope = places.isEmpty() ? Scope.NATIONAL : String.join("/", places);
                String key = places.isEmpty() ? Scope.NATIONAL : places.get(places.size() - 1);
                for (Dimension d : Dimension.values()) {
                    int col = c[4 + d.ordinal()];
                    reqs.cell(r.get(col), overall.place(r.number(), col), level, scope, key, d);
                }
            }
        }
        Table zones = sheets.get(ZONES);
        if (zones != null && zones.requireColumns(ZONE_HEADERS, log)) {
            int[] c = ZONE_HEADERS.stream().mapToInt(zones::column).toArray();
            for (Table.Row r : zones.rows()) {
                if (r.blank()) continue;
                reqs.row(zones, r, c);
            }
        }
        List<Requirement> list = reqs.list;
        if (!order.isEmpty()) {
            list = new ArrayList<>(list);
            // the sheet's row order is the list's order; ids of items since deleted are ignored
            list.sort(Comparator.comparingInt(q -> order.getOrDefault(q.id(), Integer.MAX_VALUE)));
        }
        AccessList result = new AccessList(title, industries, unitList, list);
        return AccessListImport.Result.of(result, log.finish(result, knownUnitCodes));
    }

    /** Builds requirements from cells and rows, with their places, reporting what cannot be read. */
    static final class Requirements {
        final List<Requirement> list = new ArrayList<>();
        private final AccessList names;
        private final Map<String, String> english;
        private final ImportLog log;

        Requirements(AccessList names, Map<String, String> english, ImportLog log) {
            this.names = names;
            this.english = english;
            this.log = log;
        }

        /** The numbered items of one dimension cell; ids left out become {@code key-S1}, {@code key-E2} … */
        void cell(String text, String place, Level level, String scope, String key, Dimension d) {
            int n = 0;
            for (String item : AccessListItems.split(text)) {
                n++;
                AccessListItems.Item it;
                try {
                    it = AccessListItems.parse(item, names);
                } catch (AccessListException e) {
                    log.error(place, "第 " + n + " 条 item " + n + "：" + e.getMessage());
                    continue;
                }
                String id = it.id() != null ? it.id() : key + "-" + Character.toUpperCase(d.id().charAt(0)) + n;
                log.requirement(id, place);
                list.add(new Requirement(id, level, scope, null, d, it.effect(), it.industries(), localized(id, it.zh()), it.basis()));
            }
        }

        /** One row of 区域管控规则. */
        void row(Table t, Table.Row r, int[] c) {
            RowReader in = new RowReader(t, r, log);
            String id = in.required(c[0], RowReader.EMPTY_ID);
            Level level = in.parsed(c[1], Level::of);
            String scope = in.required(c[2], RowReader.EMPTY_SCOPE);
            ZoneSelector zone = in.zone(c[3], c[4]);
            Dimension dimension = in.parsed(c[5], Dimension::of);
            Effect effect = in.parsed(c[6], Effect::of);
            String zh = in.required(c[8], RowReader.EMPTY_TEXT);
            if (!in.ok()) return;
            log.requirement(id, t.place(r.number(), c[0]));
            list.add(new Requirement(id, level, scope, zone, dimension, effect, AccessListItems.industries(r.get(c[7]), names),
                    localized(id, zh), AccessListItems.parseBasis(r.get(c[9]).strip())));
        }

        private LocalizedText localized(String id, String zh) {
            return LocalizedText.of(zh, english.get(id));
        }
    }
}
