package cn.ecozone.api;

import cn.ecozone.api.ogc.CacheValidation;
import cn.ecozone.api.ogc.Format;
import cn.ecozone.api.ogc.HtmlPage;
import cn.ecozone.layer.FeatureSource;
import cn.ecozone.layer.LayerSet;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** What every OGC API resource answer shares: refusing unknown parameters, cache validation, JSON or HTML. */
final class OgcResponses {
    private OgcResponses() {}

    /** 400 when the request has a query parameter outside {@code allowed}. */
    static void onlyParameters(Context ctx, Set<String> allowed) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!allowed.contains(name)) {
                throw ApiProblem.badRequest("未知参数 / unknown query parameter \"" + name + "\"; 可用 allowed: " + new TreeSet<>(allowed));
            }
        }
    }

    /** The data version of the whole layer set, for resources that describe every layer. */
    static String version(LayerSet set) {
        StringBuilder b = new StringBuilder();
        for (FeatureSource s : set.inOrder()) b.append(s.layer().id()).append('=').append(s.version()).append(';');
        return b.toString();
    }

    /**
     * Answers with a JSON document or an HTML page, unless the client's cached copy is current (304).
     *
     * @param jsonType media type of the JSON form
     */
    static void answer(Context ctx, String dataVersion, String jsonType, Supplier<Object> json, Supplier<HtmlPage> html) {
        Format format = Format.of(ctx);
        if (CacheValidation.answeredNotModified(ctx, dataVersion, format)) return;
        if (format == Format.HTML) {
            ctx.contentType("text/html; charset=utf-8").result(html.get().render());
            return;
        }
        try {
            ctx.contentType(jsonType).result(Json.MAPPER.writeValueAsString(json.get()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
