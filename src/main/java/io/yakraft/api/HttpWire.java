package io.yakraft.api;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 on a socket, just what the REST API needs, so that every answer is JSON — including
 * those the JDK's built-in server gives in HTML before a handler runs (a malformed
 * percent-escape such as {@code /%zz}) and those it gives by resetting the connection (a
 * chunked body over the limit). Requests are read whole (Content-Length or chunked, at most
 * {@code maxBody} bytes) and handed to the handler with their path decoded; connections are kept
 * alive as HTTP/1.1 says. A connection holds one pooled thread; idle ones close after
 * {@link #IDLE_MS}.
 */
final class HttpWire implements AutoCloseable {
    /** An idle kept-alive connection closes after this long. */
    static final int IDLE_MS = 30_000;
    /** The request line and headers together may not be longer. */
    static final int MAX_HEAD_BYTES = 16 * 1024;
    /** After refusing a body, this much more of it is read and dropped so the client sees the answer, not a reset. */
    private static final long DRAIN_BYTES = 8L * 1024 * 1024;
    private static final int DRAIN_MS = 2_000;

    /** One request: the method, its path with percent-escapes decoded, the raw query (or null) and the body. */
    record Request(String method, String path, String query, byte[] body) {
    }

    /** One answer: status, extra headers, and a JSON body. */
    record Response(int status, Map<String, String> headers, byte[] body) {
    }

    interface Handler {
        Response handle(Request request);
    }

    /** A request that cannot be read: answered with its status and closed. */
    private static final class Refusal extends Exception {
        final int status;
        final String name;
        final boolean drain;

        Refusal(int status, String name, String message, boolean drain) {
            super(message, null, false, false);
            this.status = status;
            this.name = name;
            this.drain = drain;
        }
    }

    private final ServerSocket listener;
    private final Handler handler;
    private final int maxBody;
    private final ObjectMapper json;
    private final ThreadPoolExecutor pool;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    HttpWire(String bind, int port, int maxConnections, int maxBody, ObjectMapper json, Handler handler) throws IOException {
        this.handler = handler;
        this.maxBody = maxBody;
        this.json = json;
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getByName(bind), port), 128);
        this.pool = new ThreadPoolExecutor(0, maxConnections, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "yakraft-rest");
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::accept, "yakraft-rest-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing: nothing more to do with it
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
        pool.shutdownNow();
    }

    private void accept() {
        while (!closed) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue; // one failed accept (the client went away) does not stop the server
            }
            open.add(s);
            try {
                pool.execute(() -> serve(s));
            } catch (RejectedExecutionException busy) {
                try {
                    answer(new BufferedOutputStream(s.getOutputStream()), false, error(503, "BUSY",
                            "every connection slot is taken; retry in a moment", Map.of("Retry-After", "1")), false);
                } catch (IOException ignored) {
                    // the client is gone
                } finally {
                    open.remove(s);
                    closeQuietly(s);
                }
            }
        }
    }

    /** Answers the requests on one connection, one after the other, until either side closes it. */
    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(IDLE_MS);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = new BufferedOutputStream(s.getOutputStream());
            boolean keepAlive = true;
            while (keepAlive && !closed) {
                boolean head = false;
                try {
                    String requestLine;
                    try {
                        requestLine = readLine(in, MAX_HEAD_BYTES);
                        while (requestLine != null && requestLine.isEmpty()) {
                            requestLine = readLine(in, MAX_HEAD_BYTES); // blank lines before a request are allowed (RFC 9112 2.2)
                        }
                    } catch (java.net.SocketTimeoutException idle) {
                        return;
                    }
                    if (requestLine == null) {
                        return;
                    }
                    head = requestLine.startsWith("HEAD ");
                    Parsed p = parse(requestLine, in, out);
                    keepAlive = p.keepAlive;
                    Response r;
                    try {
                        r = handler.handle(p.request);
                    } catch (RuntimeException | Error e) {
                        r = error(500, "INTERNAL", "the server could not handle this request (" + e.getClass().getSimpleName()
                                + "); the cluster keeps running", Map.of());
                    }
                    answer(out, keepAlive, r, head);
                } catch (Refusal refused) {
                    answer(out, false, error(refused.status, refused.name, refused.getMessage(), Map.of()), head);
                    lingeringClose(s, in, refused.drain);
                    return;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the client closed or broke the connection: nothing is owed to it
        } finally {
            open.remove(s);
        }
    }

    private record Parsed(Request request, boolean keepAlive) {
    }

    private Parsed parse(String requestLine, InputStream in, OutputStream out) throws IOException, Refusal {
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !parts[2].matches("HTTP/1\\.[01]")) {
            throw new Refusal(400, "BAD_REQUEST", "the request line must be 'METHOD /path HTTP/1.1', got '"
                    + printable(requestLine) + "'", false);
        }
        Map<String, String> headers = headers(in, requestLine.length());
        boolean http11 = parts[2].equals("HTTP/1.1");
        String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        boolean keepAlive = http11 ? !connection.contains("close") : connection.contains("keep-alive");
        byte[] body = body(headers, in, out);
        String target = parts[1];
        if (target.startsWith("http://") || target.startsWith("https://")) { // absolute-form: the path is what follows the host
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        if (!target.startsWith("/")) {
            throw new Refusal(400, "INVALID_PATH", "the request target must start with '/', got '" + printable(target) + "'", false);
        }
        int q = target.indexOf('?');
        String rawPath = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        int hash = rawPath.indexOf('#');
        return new Parsed(new Request(parts[0], decodePath(hash < 0 ? rawPath : rawPath.substring(0, hash)), query, body), keepAlive);
    }

    private static Map<String, String> headers(InputStream in, int used) throws IOException, Refusal {
        Map<String, String> headers = new LinkedHashMap<>();
        int total = used;
        while (true) {
            String line = readLine(in, MAX_HEAD_BYTES - total);
            if (line == null) {
                throw new Refusal(400, "BAD_REQUEST", "the connection ended inside the request's headers", false);
            }
            total += line.length() + 2;
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(colon - 1))) {
                throw new Refusal(400, "BAD_REQUEST", "a header line must be 'Name: value', got '" + printable(line) + "'", false);
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (headers.containsKey(name) && (name.equals("content-length") || name.equals("transfer-encoding"))) {
                throw new Refusal(400, "BAD_REQUEST", "the header " + name + " is given twice", false);
            }
            headers.put(name, value);
        }
    }

    /** The whole body, by Content-Length or chunked; more than {@link #maxBody} bytes is a 413. */
    private byte[] body(Map<String, String> headers, InputStream in, OutputStream out) throws IOException, Refusal {
        String te = headers.get("transfer-encoding");
        String cl = headers.get("content-length");
        if (te != null && cl != null) {
            throw new Refusal(400, "BAD_REQUEST", "a request may not have both Content-Length and Transfer-Encoding", false);
        }
        long length = 0;
        if (cl != null) {
            try {
                length = Long.parseLong(cl);
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length < 0) {
                throw new Refusal(400, "BAD_REQUEST", "Content-Length must be a whole number of bytes, got '" + printable(cl) + "'", false);
            }
        }
        if (te != null && !te.equalsIgnoreCase("chunked")) {
            throw new Refusal(501, "NOT_IMPLEMENTED", "only the chunked transfer coding is understood, got '" + printable(te) + "'", false);
        }
        if (length > maxBody) {
            throw tooLarge(true);
        }
        if ((te != null || length > 0) && "100-continue".equalsIgnoreCase(headers.getOrDefault("expect", ""))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        if (te != null) {
            return chunked(in);
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new Refusal(400, "BAD_REQUEST", "the body ended after " + body.length + " of its " + length + " bytes", false);
        }
        return body;
    }

    private byte[] chunked(InputStream in) throws IOException, Refusal {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in, 1024);
            if (sizeLine == null) {
                throw new Refusal(400, "BAD_REQUEST", "the connection ended inside the chunked body", false);
            }
            String hex = sizeLine.split(";", 2)[0].trim();
            long size;
            try {
                size = hex.isEmpty() || hex.length() > 15 ? -1 : Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 0) {
                throw new Refusal(400, "BAD_REQUEST", "a chunk size must be hexadecimal, got '" + printable(sizeLine) + "'", false);
            }
            if (size == 0) {
                while (true) { // trailer fields, then the blank line
                    String trailer = readLine(in, MAX_HEAD_BYTES);
                    if (trailer == null || trailer.isEmpty()) {
                        return body.toByteArray();
                    }
                }
            }
            if (body.size() + size > maxBody) {
                throw tooLarge(true);
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size) {
                throw new Refusal(400, "BAD_REQUEST", "the connection ended inside a chunk", false);
            }
            body.writeBytes(chunk);
            String end = readLine(in, 2);
            if (end == null || !end.isEmpty()) {
                throw new Refusal(400, "BAD_REQUEST", "a chunk must end with CRLF", false);
            }
        }
    }

    private Refusal tooLarge(boolean drain) {
        return new Refusal(413, "REQUEST_TOO_LARGE", "bodies are limited to " + maxBody + " bytes (64 KiB)", drain);
    }

    /** The path with its percent-escapes decoded as UTF-8; a malformed escape is a 400 naming it. */
    static String decodePath(String raw) throws Refusal {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (hi < 0 || lo < 0) {
                String escape = raw.substring(i, Math.min(raw.length(), i + 3));
                throw new Refusal(400, "INVALID_PATH", "the path '" + printable(raw) + "' has a malformed percent-escape '"
                        + printable(escape) + "' at character " + (i + 1) + ": '%' must be followed by two hex digits"
                        + " (write %25 for a '%' itself)", false);
            }
            bytes.write(hi * 16 + lo);
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A line ending in CRLF (or LF), without it; null at the end of the stream; longer than {@code max} is a 431. */
    private static String readLine(InputStream in, int max) throws IOException, Refusal {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] l = line.toByteArray();
                int n = l.length > 0 && l[l.length - 1] == '\r' ? l.length - 1 : l.length;
                return new String(l, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= max) {
                throw new Refusal(431, "HEADERS_TOO_LARGE", "the request line and headers are limited to " + MAX_HEAD_BYTES + " bytes", false);
            }
            line.write(b);
        }
        if (line.size() > 0) {
            throw new Refusal(400, "BAD_REQUEST", "the connection ended inside a line", false);
        }
        return null;
    }

    private Response error(int status, String name, String message, Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", name);
        body.put("message", message);
        try {
            return new Response(status, headers, json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("two strings are always JSON", e);
        }
    }

    private static void answer(OutputStream out, boolean keepAlive, Response r, boolean head) throws IOException {
        StringBuilder h = new StringBuilder("HTTP/1.1 ").append(r.status()).append(' ').append(reason(r.status())).append("\r\n");
        h.append("Content-Type: application/json\r\n");
        r.headers().forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
        h.append("Content-Length: ").append(r.body().length).append("\r\n");
        if (!keepAlive) {
            h.append("Connection: close\r\n");
        }
        h.append("\r\n");
        out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!head) {
            out.write(r.body());
        }
        out.flush();
    }

    /**
     * Closes after an answer to a request whose body was not read to its end: the write side first,
     * then the rest of the body is read and dropped for a moment, so the client reads the answer
     * instead of a connection reset.
     */
    private static void lingeringClose(Socket s, InputStream in, boolean drain) {
        try {
            s.shutdownOutput();
            if (drain) {
                s.setSoTimeout(DRAIN_MS);
                long deadline = System.nanoTime() + DRAIN_MS * 1_000_000L;
                long dropped = 0;
                byte[] buffer = new byte[8192];
                int n;
                while (dropped < DRAIN_BYTES && System.nanoTime() < deadline && (n = in.read(buffer)) > 0) {
                    dropped += n;
                }
            }
        } catch (IOException ignored) {
            // the client has gone; closing is all that is left
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static String printable(String text) {
        String t = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return t.replaceAll("[\\p{Cntrl}]", "?");
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }
}
