package cn.ecozone.api.ogc;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A web link as OGC API writes them: absolute {@code href}, relation, media type, title. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Link(String href, String rel, String type, String title) {}
