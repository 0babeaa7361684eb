package cn.ecozone.testsupport;

import cn.ecozone.api.EcoZoneServer;
import cn.ecozone.api.ServerConfig;
import cn.ecozone.layer.LayerLoader;

import java.nio.file.Path;

/** A server on the shipped sample layers at a free port, with a client for it. */
public record SampleServer(EcoZoneServer server, Http http) implements AutoCloseable {
    public static SampleServer start() {
        EcoZoneServer server = EcoZoneServer.start(ServerConfig.defaults(0), LayerLoader.load(Path.of("layers")).layers());
        return new SampleServer(server, new Http(server.port()));
    }

    @Override
    public void close() {
        server.close();
    }
}
