package cn.ecozone.api;

import io.javalin.Javalin;

/** A group of routes with one job (health, collections, site check …), registered on the server at start. */
public interface RouteModule {
    void register(Javalin app);
}
