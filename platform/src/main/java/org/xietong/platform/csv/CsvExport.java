package org.xietong.platform.csv;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A CSV export as spreadsheet software opens it: UTF-8 with a byte-order mark (so Chinese text is not read as the
 * local code page), CRLF line ends and RFC 4180 quoting. A text cell a spreadsheet would run as a formula (starting
 * with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe; numbers are written as they are.
 */
public final class CsvExport {

    public static final String MEDIA_TYPE = "text/csv";
    private static final String BOM = "\uFEFF";
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final StringBuilder text = new StringBuilder(BOM);

    private CsvExport(List<String> header) {
        row(header);
    }

    public static CsvExport withHeader(List<String> header) {
        return new CsvExport(header);
    }

    /** One record; {@code null} is an empty cell. */
    public CsvExport row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            text.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    public byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The 200 answer: the file, named for a download. */
    public Response response(String filename) {
        return Response.ok(bytes(), MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    /**
     * Whether the caller prefers CSV to JSON: it lists text/csv before any JSON or wildcard type (a browser's or a
     * generated client's default Accept gets JSON).
     */
    public static boolean preferredBy(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.isWildcardType()) {
                return false;
            }
            if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
                return true;
            }
        }
        return false;
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String cell = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        if (!(value instanceof Number) && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0
                && !NUMBER.matcher(cell).matches()) {
            cell = "'" + cell;
        }
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            cell = "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
