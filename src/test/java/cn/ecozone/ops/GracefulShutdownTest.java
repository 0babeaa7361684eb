package cn.ecozone.ops;

import cn.ecozone.testsupport.ServerProcess;
import cn.ecozone.testsupport.RestorationFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * SIGTERM (Process.destroy on Linux) to a serving JVM with two requests in flight (their bodies still arriving):
 * the server stops accepting at once, both requests are answered 200, and it exits 0; a request held past the
 * deadline does not keep it from exiting.
 */
class GracefulShutdownTest {
    @TempDir Path dir;

    @Test
    void sigtermFinishesRequestsInFlightRefusesNewOnesAndExitsZero() throws Exception {
        RestorationFixture.write(dir);
        int port = ServerProcess.freePort();
        Process server = startServer(port, 20_000);
        try {
            waitUntilUp(port, server);
            byte[] body = ("{\"type\":\"FeatureCollection\",\"features\":[" + RestorationFixture.plot("G-1", "天马泰山", "待修复", 2025, 1.0,
                    113.32, 40.03, 113.321, 40.031) + "]}").getBytes(StandardCharsets.UTF_8);
            List<Socket> held = new ArrayList<>();
            for (int i = 0; i < 2; i++) held.add(startHeldRequest(port, body, "held-" + i));
            Thread.sleep(500); // the requests are dispatched and reading their bodies
            server.destroy(); // SIGTERM
            // new connections are refused while the held requests are still open
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            boolean refused = false;
            while (!refused && System.nanoTime() < deadline) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                    Thread.sleep(50);
                } catch (ConnectException e) {
                    refused = true;
                }
            }
            assertTrue(refused, "new connections refused after SIGTERM");
            assertTrue(server.isAlive(), "still finishing the requests in flight");
            for (Socket s : held) {
                OutputStream out = s.getOutputStream();
                out.write(body, body.length / 2, body.length - body.length / 2);
                out.flush();
            }
            for (Socket s : held) {
                String response = readAll(s.getInputStream());
                assertTrue(response.startsWith("HTTP/1.1 200"), response.lines().findFirst().orElse(""));
                assertTrue(response.contains("\"plots\""), "a full answer");
                s.close();
            }
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "exited");
            assertEquals(0, server.exitValue(), Files.readString(dir.resolve("server.log")));
            assertTrue(Files.readString(dir.resolve("server.log")).contains("已停止 stopped"));
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void aRequestHeldPastTheDeadlineDoesNotKeepTheServerRunning() throws Exception {
        RestorationFixture.write(dir);
        int port = ServerProcess.freePort();
        Process server = startServer(port, 1_500);
        try {
            waitUntilUp(port, server);
            Socket held = startHeldRequest(port, new byte[1000], "never-finished");
            Thread.sleep(500);
            long t0 = System.nanoTime();
            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "exited");
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(seconds < 15, "stopped within the deadline plus start-up slack: " + seconds);
            assertEquals(0, server.exitValue());
            held.close();
        } finally {
            server.destroyForcibly();
        }
    }

    /** Sends the headers and half the body of a measure request, and leaves it waiting for the rest. */
    private static Socket startHeldRequest(int port, byte[] body, String requestId) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(30_000);
        OutputStream out = s.getOutputStream();
        out.write(("POST /analysis/measure HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/geo+json\r\nX-Request-Id: " + requestId
                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, body.length / 2);
        out.flush();
        return s;
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private Process startServer(int port, int shutdownMs) throws IOException {
        return new ServerProcess(port, dir.resolve("server.log"), "--layers", dir.toString(), "--web", dir.resolve("no-web").toString())
                .env("ECOZONE_SHUTDOWN_TIMEOUT_MS", String.valueOf(shutdownMs)).start();
    }

    private void waitUntilUp(int port, Process p) throws Exception {
        ServerProcess.waitUntilUp(port, p, dir.resolve("server.log"));
    }
}
