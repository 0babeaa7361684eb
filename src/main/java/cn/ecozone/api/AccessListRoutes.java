package cn.ecozone.api;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.Effect;
import cn.ecozone.accesslist.Industry;
import cn.ecozone.accesslist.Level;
import cn.ecozone.accesslist.Requirement;
import cn.ecozone.accesslist.Unit;
import cn.ecozone.api.ogc.CacheValidation;
import cn.ecozone.api.ogc.Format;
import cn.ecozone.api.ogc.HtmlPage;
import cn.ecozone.api.ogc.Link;
import cn.ecozone.api.ogc.MediaTypes;
import cn.ecozone.api.ogc.RequestUrls;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Public disclosure of the 准入清单 (seed 001: "…及时向社会公开"): {@code GET /access-list/units/{code}} — one control
 * unit's requirements by dimension, its own first, then the 总体准入要求 of its county, city and province (JSON, or a
 * printable HTML page) — and {@code GET /access-list/search?q=&limit=} over requirement text, id and basis.
 */
public final class AccessListRoutes implements RouteModule {
    public static final int MAX_QUERY_CHARS = 100;
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;
    /** Units listed per 总体 requirement in a search answer (a county can hold hundreds; the count says how many). */
    static final int UNITS_PER_HIT = 20;

    private final LiveAccessList accessList;

    public AccessListRoutes(LiveAccessList accessList) {
        this.accessList = accessList;
    }

    @Override
    public void register(Javalin app) {
        app.get("/access-list/units/{code}", this::unit);
        app.get("/access-list/search", this::search);
    }

    private static final Map<AccessList, String> VERSIONS = Collections.synchronizedMap(new IdentityHashMap<>());

    /** A version tag of the list, computed once per list object (a changed list is a new object, swapped in whole). */
    public static String version(AccessList list) {
        String v = VERSIONS.get(list);
        if (v != null) return v;
        v = "al-" + Integer.toHexString(list.hashCode()) + "-" + Integer.toHexString(System.identityHashCode(list));
        synchronized (VERSIONS) {
            if (VERSIONS.size() > 8) VERSIONS.clear();
            VERSIONS.put(list, v);
        }
        return v;
    }

    private void unit(Context ctx) {
        OgcResponses.onlyParameters(ctx, Set.of("f"));
        AccessList list = accessList.current();
        String code = ctx.pathParam("code");
        Format format = Format.of(ctx);
        Unit u = list.unit(code).orElseThrow(() -> ApiProblem.notFound("准入清单中没有编码为 \"" + code
                + "\" 的环境管控单元 / no control unit with code \"" + code + "\" in the access list"));
        if (CacheValidation.answeredNotModified(ctx, version(list), format)) return;
        String self = RequestUrls.url(ctx, "/access-list/units/" + RequestUrls.encode(u.code()));
        if (format == Format.HTML) {
            ctx.contentType("text/html; charset=utf-8").result(new HtmlPage(u.name() + " " + u.code() + " 生态环境准入清单")
                    .heading(u.name() + "（" + u.code() + "）生态环境准入清单")
                    .paragraph(unitLine(u))
                    .paragraph("Environmental access list of control unit " + u.code() + ": its own requirements first, then the "
                            + "general requirements (总体准入要求) of its county, city and province.")
                    .raw(htmlSections(list, u))
                    .link(self + "?f=json", "JSON")
                    .link("/collections/control_unit/items/" + RequestUrls.encode(u.code()) + "?f=html", "管控单元要素 The unit's feature")
                    .render());
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unit", unitJson(u));
        body.put("title", list.title());
        body.put("dimensions", dimensions(list, u));
        body.put("links", List.of(new Link(self + "?f=json", "self", MediaTypes.JSON, "本单元准入清单 / this unit's access list"),
                new Link(self + "?f=html", "alternate", MediaTypes.HTML, "本单元准入清单 HTML / as HTML")));
        ctx.json(body);
    }

    static Map<String, Object> unitJson(Unit u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", u.code());
        m.put("name", u.name());
        m.put("province", u.province());
        m.put("city", u.city());
        m.put("county", u.county());
        m.put("type", u.type());
        return m;
    }

    /** The unit's requirements in the four dimensions (table order, empty ones kept), its own before the 总体 ones. */
    public static List<Map<String, Object>> dimensions(AccessList list, Unit u) {
        List<Map<String, Object>> out = new ArrayList<>();
        AccessList.byDimension(list.forUnit(u)).forEach((d, rs) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dimension", d.id());
            m.put("dimensionZh", d.zh());
            m.put("dimensionEn", d.en());
            m.put("requirements", rs.stream().map(AccessListRoutes::requirement).toList());
            out.add(m);
        });
        return out;
    }

    static Map<String, Object> requirement(Requirement r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("level", r.level().zh());
        m.put("scope", r.scope());
        m.put("dimension", r.dimension().id());
        m.put("dimensionZh", r.dimension().zh());
        m.put("effect", r.effect().id());
        m.put("effectZh", r.effect().zh());
        m.put("industries", r.industries());
        m.put("text", r.text().zh());
        m.put("textEn", r.text().en());
        m.put("basis", r.basis().text());
        m.put("basisIssuer", r.basis().issuer());
        m.put("basisDocument", r.basis().document());
        m.put("basisArticle", r.basis().article());
        return m;
    }

    private static String unitLine(Unit u) {
        return u.province() + " " + u.city() + " " + u.county() + " · " + u.type() + "单元";
    }

    private static final String STYLE = "<style>"
            + ".effect{display:inline-block;padding:0 .5em;border-radius:.8em;color:#fff;font-weight:bold;white-space:nowrap}"
            + ".effect-prohibited{background:#c62828}.effect-restricted{background:#ef6c00}.effect-required{background:#1565c0}"
            + "table.access-list{width:100%;margin-bottom:1em}.en{color:#555;font-size:.9em}.general td{background:#f7f7f2}"
            + "@media print{nav{display:none}a{color:inherit;text-decoration:none}}</style>\n";

    /**
     * The unit's list as HTML sections, one table per dimension (编号, 层级, 效力, 要求, 依据), Chinese with English beside;
     * used by the unit page and the control unit's OGC item page. Every text is escaped.
     */
    public static String htmlSections(AccessList list, Unit u) {
        StringBuilder b = new StringBuilder(STYLE);
        b.append("<section class=\"access-list\" id=\"access-list\">\n<h2>管控要求 Requirements</h2>\n");
        AccessList.byDimension(list.forUnit(u)).forEach((d, rs) -> {
            b.append("<h3 data-dimension=\"").append(d.id()).append("\">").append(HtmlPage.escape(d.zh())).append(" ")
                    .append(HtmlPage.escape(d.en())).append("</h3>\n");
            if (rs.isEmpty()) {
                b.append("<p>无 None</p>\n");
                return;
            }
            b.append("<table class=\"access-list\">\n<tr><th>编号 Id</th><th>层级 Level</th><th>效力 Effect</th>"
                    + "<th>要求 Requirement</th><th>依据 Basis</th></tr>\n");
            for (Requirement r : rs) {
                boolean own = r.level() == Level.UNIT;
                b.append("<tr class=\"").append(own ? "own" : "general").append("\"><td>").append(HtmlPage.escape(r.id()))
                        .append("</td><td>").append(HtmlPage.escape(own ? "本单元" : r.level().zh() + "总体准入要求"))
                        .append(own ? "" : "<br><span class=\"en\">" + HtmlPage.escape(r.scope().replace('/', ' ')) + "</span>")
                        .append("</td><td>").append(badge(r.effect())).append("</td><td>").append(HtmlPage.escape(r.text().zh()));
                if (!r.text().en().isBlank() && !r.text().en().equals(r.text().zh())) {
                    b.append("<br><span class=\"en\">").append(HtmlPage.escape(r.text().en())).append("</span>");
                }
                if (!r.industries().isEmpty()) {
                    b.append("<br><span class=\"en\">适用行业 Industries: ").append(HtmlPage.escape(industryNames(list, r.industries()))).append("</span>");
                }
                b.append("</td><td>").append(HtmlPage.escape(r.basis().text()));
                if (!r.basis().issuer().isBlank()) b.append("<br><span class=\"en\">").append(HtmlPage.escape(r.basis().issuer())).append("</span>");
                b.append("</td></tr>\n");
            }
            b.append("</table>\n");
        });
        return b.append("</section>\n").toString();
    }

    private static String badge(Effect e) {
        String en = switch (e) {
            case PROHIBITED -> "Prohibited";
            case RESTRICTED -> "Restricted";
            case REQUIRED -> "Required";
        };
        return "<span class=\"effect effect-" + e.id() + "\">" + HtmlPage.escape(e.zh()) + "</span> <span class=\"en\">" + en + "</span>";
    }

    private static String industryNames(AccessList list, List<String> ids) {
        List<String> names = new ArrayList<>();
        for (String id : ids) names.add(list.industry(id).map(Industry::zh).orElse(id));
        return String.join("、", names);
    }

    private void search(Context ctx) {
        OgcResponses.onlyParameters(ctx, Set.of("q", "limit", "f"));
        String f = ctx.queryParam("f");
        if (f != null && !f.equalsIgnoreCase("json")) throw ApiProblem.badRequest("参数 f 只能是 json / f must be json");
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) throw ApiProblem.badRequest("需要参数 q（搜索的文字）/ the parameter q (text to search for) is required");
        q = q.trim();
        if (q.length() > MAX_QUERY_CHARS) {
            throw ApiProblem.badRequest("q 最长 " + MAX_QUERY_CHARS + " 个字符 / q may have at most " + MAX_QUERY_CHARS + " characters");
        }
        int limit = DEFAULT_LIMIT;
        String l = ctx.queryParam("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l.trim());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ApiProblem.badRequest("limit 应为 1–" + MAX_LIMIT + " 的整数 / limit must be an integer 1–" + MAX_LIMIT + ", got " + l);
            }
        }
        AccessList list = accessList.current();
        if (CacheValidation.answeredNotModified(ctx, version(list), Format.JSON)) return;
        String needle = q.toLowerCase(Locale.ROOT);
        List<Map<String, Object>> hits = new ArrayList<>();
        int matched = 0;
        for (Requirement r : list.requirements()) {
            if (!matches(r, needle)) continue;
            matched++;
            if (hits.size() < limit) hits.add(hit(list, r));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("q", q);
        body.put("numberMatched", matched);
        body.put("numberReturned", hits.size());
        body.put("requirements", hits);
        ctx.json(body);
    }

    private static boolean matches(Requirement r, String needle) {
        return contains(r.text().zh(), needle) || contains(r.text().en(), needle) || contains(r.id(), needle)
                || contains(r.basis().text(), needle) || contains(r.basis().issuer(), needle);
    }

    private static boolean contains(String s, String needle) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static Map<String, Object> hit(AccessList list, Requirement r) {
        Map<String, Object> m = requirement(r);
        if (r.zone() != null) {
            Map<String, Object> zone = new LinkedHashMap<>();
            zone.put("collection", r.zone().collection());
            zone.put("match", r.zone().match());
            m.put("zone", zone);
            m.put("units", List.of());
            m.put("unitCount", 0);
            return m;
        }
        List<Map<String, Object>> units = new ArrayList<>();
        int count = 0;
        if (r.level() == Level.UNIT) {
            var u = list.unit(r.scope());
            if (u.isPresent()) {
                units.add(Map.of("code", u.get().code(), "name", u.get().name()));
                count = 1;
            }
        } else {
            for (Unit u : list.units()) {
                if (!u.within(r.scope())) continue;
                if (count++ < UNITS_PER_HIT) units.add(Map.of("code", u.code(), "name", u.name()));
            }
        }
        m.put("units", units);
        m.put("unitCount", count);
        return m;
    }
}
