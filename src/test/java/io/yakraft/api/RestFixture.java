package io.yakraft.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yakraft.session.Driving;
import io.yakraft.session.LiveSession;
import io.yakraft.session.Session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * HTTP against an {@link ApiServer} over a live session that the test drives (see {@link Driving}):
 * simulated time passes only while a request waits for the simulation, so every answer is the same
 * on a fast or a loaded machine. One per test; {@link #close} stops the server.
 */
final class RestFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Simulated time a request may take before the test fails. */
    static final long MAX_SIM_MS = 60_000;

    final LiveSession live;
    final ApiServer api;
    /** As a client out there sends it: the JDK client first offers an upgrade to HTTP/2, which the server declines. */
    private final HttpClient http = HttpClient.newHttpClient();

    /** An answer: status, the body as JSON, and the raw response for headers. */
    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    }

    /** The default cluster (seed 42, 3 controllers, 3 brokers), served and driven until ready as GET /health says. */
    static RestFixture ready() throws Exception {
        RestFixture f = new RestFixture(new LiveSession(Session.defaultConfig(42, 3, 3), 1, true));
        Driving.until(f.live, ApiServer::ready, MAX_SIM_MS);
        return f;
    }

    RestFixture(LiveSession live) throws IOException {
        this.live = live;
        this.api = new ApiServer(live, "127.0.0.1", 0);
    }

    Answer send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.address() + path));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = Driving.await(live, http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()), MAX_SIM_MS);
        return new Answer(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()), r);
    }

    Answer get(String path) throws Exception {
        return send("GET", path, null);
    }

    Answer post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    /**
     * Bytes written as they are on a new connection (for requests no HTTP client would send, such
     * as {@code GET /%zz}); the whole answer the server gives before it closes, as text.
     */
    String raw(byte[] request) throws Exception {
        var port = URI.create(api.address()).getPort();
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                OutputStream out = s.getOutputStream();
                out.write(request);
                out.flush();
                InputStream in = s.getInputStream();
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return Driving.await(live, answer, MAX_SIM_MS);
    }

    /** The cluster still takes a write and reads it back. */
    void assertStillServing() throws Exception {
        String name = "alive" + System.nanoTime() % 100_000;
        Answer a = post("/create-topic", "{\"name\": \"" + name + "\"}");
        assertEquals(201, a.status(), "the cluster still takes writes: " + a.body());
        assertEquals(200, get("/get-topic/" + name).status());
    }

    @Override
    public void close() {
        api.close();
    }
}
