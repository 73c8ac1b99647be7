package org.xietong.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * An upload over a plain socket, in chunks from a generator, as an attacker streams it: the body is never held
 * whole, and sending stops as soon as the server has answered (or closed), so a refusal part-way is seen as the
 * server gives it.
 */
final class RawUpload {

    /** What came back, and how much of the body was sent before it did. */
    record Answer(int status, String contentType, String body, long bytesSent) {
    }

    private RawUpload() {
    }

    static Answer post(String base, String target, Map<String, String> headers, Iterator<byte[]> chunks)
            throws IOException {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder("POST " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                    + uri.getPort() + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            long sent = 0;
            try {
                while (chunks.hasNext() && in.available() == 0) {
                    byte[] chunk = chunks.next();
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent += chunk.length;
                }
                if (!chunks.hasNext()) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } else {
                    // Answered part-way: the rest will never come, which the server learns at once.
                    out.flush();
                    socket.shutdownOutput();
                }
            } catch (IOException closedWhileSending) {
                // The server answered and closed before the body ended: its answer is read below.
            }
            byte[] all = readAnswer(in);
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                throw new IOException("no HTTP answer after " + sent + " bytes: " + text);
            }
            String[] lines = text.substring(0, headEnd).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String contentType = null;
            boolean chunked = false;
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i].toLowerCase(Locale.ROOT);
                if (line.startsWith("content-type:")) {
                    contentType = lines[i].substring(13).trim();
                } else if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
                    chunked = true;
                }
            }
            byte[] body = Arrays.copyOfRange(all, headEnd + 4, all.length);
            return new Answer(status, contentType, new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8),
                    sent);
        }
    }

    /** Reads until the server closes; a reset after a complete answer keeps what was read. */
    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            if (all.size() == 0) {
                throw reset;
            }
        }
        return all.toByteArray();
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(body, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(body, start, Math.min(size, body.length - start));
            at = start + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] body, int from) {
        for (int i = from; i + 1 < body.length; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
