package cn.ecozone.accesslist;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The item grammar of the spreadsheet's dimension cells (docs/access-list.md, "Spreadsheet interchange"): one item per
 * numbered line, {@code 1.〔编号〕【效力｜行业、行业】要求内容（依据：发布机关｜文件｜条款）}. Only the text is required; a missing
 * 〔编号〕 is numbered by the importer, a missing 【效力】 is 要求.
 */
final class AccessListItems {
    private static final Pattern NUMBER = Pattern.compile("^\\s*(\\d+)\\s*[.．、]\\s*");
    private static final Pattern LIST = Pattern.compile("[、,，;；]+"), LINES = Pattern.compile("\r\n|\r|\n"), BAR = Pattern.compile("[｜|]");
    static final String BASIS_OPEN = "（依据：";

    private AccessListItems() {}

    /** One item as parsed; {@code id} null when the official left it out. */
    record Item(String id, Effect effect, List<String> industries, String zh, Basis basis) {}

    /** The cell for these requirements: numbered items, one per line. */
    static String cell(List<Requirement> rs) {
        StringBuilder s = new StringBuilder();
        int n = 0;
        for (Requirement r : rs) {
            if (n > 0) s.append('\n');
            s.append(++n).append(". ").append(item(r));
        }
        return s.toString();
    }

    static String item(Requirement r) {
        StringBuilder s = new StringBuilder();
        s.append('〔').append(r.id()).append('〕').append('【').append(r.effect().zh());
        if (!r.industries().isEmpty()) s.append('｜').append(String.join("、", r.industries()));
        s.append('】').append(r.text().zh());
        String basis = basis(r.basis());
        if (!basis.isEmpty()) s.append(BASIS_OPEN).append(basis).append('）');
        return s.toString();
    }

    /** {@code 发布机关｜文件｜条款} (the article left out when empty); empty when the basis is. */
    static String basis(Basis b) {
        if (b.issuer().isEmpty() && b.document().isEmpty() && b.article().isEmpty()) return "";
        return b.issuer() + "｜" + b.document() + (b.article().isEmpty() ? "" : "｜" + b.article());
    }

    static Basis parseBasis(String s) {
        if (s == null || s.isBlank()) return new Basis("", "", "");
        String[] p = BAR.split(s, 3);
        return p.length == 1 ? new Basis("", p[0], "") : new Basis(p[0], p[1], p.length == 3 ? p[2] : "");
    }

    /** The items of a cell, without their numbers; lines that do not start with a number continue the item before. */
    static List<String> split(String cell) {
        List<String> out = new ArrayList<>();
        if (cell == null) return out;
        StringBuilder cur = null;
        for (String line : LINES.split(cell)) {
            if (line.isBlank()) continue;
            Matcher m = NUMBER.matcher(line);
            if (m.find()) {
                if (cur != null) out.add(cur.toString());
                cur = new StringBuilder(line.substring(m.end()));
            } else if (cur == null) {
                cur = new StringBuilder(line.strip());
            } else {
                cur.append('\n').append(line);
            }
        }
        if (cur != null) out.add(cur.toString());
        return out;
    }

    /** Parses one item; {@link AccessListException} saying what is wrong with it. */
    static Item parse(String item, AccessList industries) {
        String s = item.strip();
        String id = null;
        if (s.startsWith("〔")) {
            int end = s.indexOf('〕');
            if (end < 0) throw new AccessListException("编号缺少“〕” / the id has no closing 〕");
            id = s.substring(1, end).strip();
            if (id.isEmpty()) throw new AccessListException("编号为空 / empty id in 〔〕");
            s = s.substring(end + 1).strip();
        }
        Effect effect = Effect.REQUIRED;
        List<String> inds = List.of();
        if (s.startsWith("【")) {
            int end = s.indexOf('】');
            if (end < 0) throw new AccessListException("效力缺少“】” / the effect has no closing 】");
            String[] p = BAR.split(s.substring(1, end), 2);
            effect = Effect.of(p[0]);
            if (p.length == 2) inds = industries(p[1], industries);
            s = s.substring(end + 1).strip();
        }
        Basis basis = new Basis("", "", "");
        int b = s.lastIndexOf(BASIS_OPEN);
        if (b < 0) b = s.lastIndexOf("(依据:");
        if (b < 0) b = s.lastIndexOf("（依据:");
        if (b < 0) b = s.lastIndexOf("(依据：");
        if (b >= 0) {
            String tail = s.substring(b + BASIS_OPEN.length()).strip();
            if (!tail.endsWith("）") && !tail.endsWith(")")) {
                throw new AccessListException("依据应写在末尾的“（依据：发布机关｜文件｜条款）”中 / the basis must close the item: （依据：issuer｜document｜article）");
            }
            basis = parseBasis(tail.substring(0, tail.length() - 1));
            s = s.substring(0, b).strip();
        }
        if (s.isEmpty()) throw new AccessListException("要求内容为空 / the item has no text");
        return new Item(id, effect, inds, s, basis);
    }

    /** Industry ids from {@code 光伏、化工}: each by id, Chinese or English name; unknown names are kept for the check to report. */
    static List<String> industries(String s, AccessList list) {
        List<String> out = new ArrayList<>();
        if (s == null) return out;
        for (String t : LIST.split(s)) {
            String name = t.strip();
            if (name.isEmpty()) continue;
            String id = list.industries().stream().filter(i -> i.id().equals(name)).map(Industry::id).findFirst()
                    .orElseGet(() -> list.industry(name).map(Industry::id).orElse(name));
            out.add(id);
        }
        return out;
    }
}
