package cn.ecozone.api;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListException;
import cn.ecozone.accesslist.AccessListImport;
import cn.ecozone.accesslist.AccessListImport.Format;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole 准入清单 as a file: {@code GET /access-list?f=json|xlsx|csv} (public: the list is disclosed, seed 001
 * "向社会公开") and {@code PUT /admin/access-list} (role admin; body xlsx, CSV or JSON, told apart by its bytes). An upload
 * is validated whole — against the control_unit layer's codes too — before anything changes; a refused one answers 400
 * with every located error in {@code errors}; an accepted one is stored, then swapped in for the next request.
 */
public final class AccessListAdminRoutes implements RouteModule {
    static final int MAX_ERRORS = 1000;
    private final LiveLayers layers;
    private final LiveAccessList accessList;
    private final AccessTokens tokens;

    public AccessListAdminRoutes(ServerConfig config, LiveLayers layers, LiveAccessList accessList) {
        this.layers = layers;
        this.accessList = accessList;
        this.tokens = config.tokens() == null ? AccessTokens.none() : config.tokens();
    }

    @Override
    public void register(Javalin app) {
        app.get("/access-list", this::download);
        app.put("/admin/access-list", this::upload);
    }

    private void download(Context ctx) {
        Format f;
        try {
            f = Format.of(ctx.queryParamAsClass("f", String.class).getOrDefault("json"));
        } catch (AccessListException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
        byte[] bytes = AccessListImport.write(accessList.current(), f);
        if (f != Format.JSON) ctx.header("Content-Disposition", "attachment; filename=\"access-list." + f.extension() + "\"");
        ctx.contentType(f.contentType()).result(bytes);
    }

    private void upload(Context ctx) throws IOException {
        AccessTokens.Principal who = tokens.authorize(ctx, "admin");
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiProblem.badRequest("请求体为空：请提交准入清单文件（xlsx、CSV 或 JSON）/ empty body: send the list as xlsx, CSV or JSON");
        }
        Format format = Format.detect(ctx.contentType(), body);
        AccessListImport.Result r = AccessListImport.read(body, format, layers.current().unitCodes());
        if (!r.ok()) {
            List<String> errors = r.errors().size() > MAX_ERRORS ? r.errors().subList(0, MAX_ERRORS) : r.errors();
            throw ApiProblem.badRequest("准入清单有 " + r.errors().size() + " 处错误，未作任何修改 / the list has " + r.errors().size()
                    + " errors; nothing was changed" + (errors.size() < r.errors().size() ? "（仅列出前 " + MAX_ERRORS + " 处 / first " + MAX_ERRORS + " listed）" : ""))
                    .with("errors", errors).with("errorCount", r.errors().size());
        }
        AccessList list = r.list();
        accessList.replace(list);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "replaced");
        out.put("format", format.extension());
        out.put("by", who.name());
        out.put("industries", list.industries().size());
        out.put("units", list.units().size());
        out.put("requirements", list.requirements().size());
        out.put("zoneRules", list.zoneRules().size());
        out.put("store", accessList.store().describe());
        ctx.json(out);
    }
}
