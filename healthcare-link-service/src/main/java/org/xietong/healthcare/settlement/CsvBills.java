package org.xietong.healthcare.settlement;

import org.xietong.healthcare.settlement.engine.CrossRegionKind;
import org.xietong.healthcare.settlement.engine.Scheme;
import org.xietong.healthcare.settlement.engine.VisitKind;
import org.xietong.platform.problem.Problem;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bills as CSV, one row per bill line; consecutive rows with the same {@code billId} form one bill, whose insured
 * and visit columns come from its first row. Rows are read by {@link BoundedCsvRows} (Jackson CSV, one record a line).
 */
final class CsvBills implements BatchBills {

    static final List<String> COLUMNS = List.of("billId", "personId", "homeRegion", "scheme", "assistanceCategory",
            "treatmentRegion", "institutionCode", "kind", "crossRegionKind", "date", "serviceType", "sessions",
            "itemCode", "amount");

    private final BoundedCsvRows reader;
    private final int maxBillLines;
    private Map<String, Integer> index;
    private List<String> pending;
    private int pendingLine;
    private Problem pendingProblem;
    /** The bill id an unreadable row names, when it can be read at all. */
    private String brokenBillId;

    CsvBills(BoundedLines lines, int maxBillLines) {
        this.reader = new BoundedCsvRows(lines);
        this.maxBillLines = maxBillLines;
    }

    @Override
    public BatchSettlement.Item next() throws IOException {
        if (index == null && !readHeader()) {
            return null;
        }
        if (pendingProblem != null) {
            Problem problem = pendingProblem;
            pendingProblem = null;
            return new BatchSettlement.Item(pendingLine, null, null, problem);
        }
        if (pending == null && !advance()) {
            return null;
        }
        if (pendingProblem != null) {
            return next();
        }
        List<String> first = pending;
        int firstLine = pendingLine;
        String billId = field(first, "billId");
        List<List<String>> rows = new ArrayList<>();
        rows.add(first);
        pending = null;
        while (advance()) {
            if (pendingProblem != null || !billId.equals(field(pending, "billId"))) {
                break;
            }
            if (rows.size() == maxBillLines) {
                // Refused as the bill streams in: a bill is never held beyond its cap, however long it claims to be.
                throw BatchLimitException.billTooLong(billId, firstLine, pendingLine, maxBillLines);
            }
            rows.add(pending);
            pending = null;
        }
        if (pendingProblem != null && (brokenBillId == null || brokenBillId.equals(billId))) {
            // A bill must never be settled without one of its rows: an unreadable row of the bill refuses it whole.
            Problem broken = pendingProblem;
            int brokenLine = pendingLine;
            pendingProblem = null;
            while (advance() && pendingProblem == null && billId.equals(field(pending, "billId"))) {
                pending = null;
            }
            return new BatchSettlement.Item(firstLine, billId, null, Problem.of(400, "malformed-bill", "Malformed bill",
                    "Bill " + billId + " starting at line " + firstLine + " is refused whole: line " + brokenLine
                            + " inside it cannot be read (" + broken.detail() + ")"));
        }
        try {
            return new BatchSettlement.Item(firstLine, billId, request(rows), null);
        } catch (RuntimeException e) {
            return new BatchSettlement.Item(firstLine, billId, null, Problem.of(400, "malformed-line", "Malformed line",
                    "Bill " + billId + " starting at line " + firstLine + " has an unreadable field: " + e.getMessage()));
        }
    }

    private boolean readHeader() throws IOException {
        BoundedCsvRows.Row header = reader.header();
        if (header == null) {
            return false;
        }
        index = new HashMap<>();
        List<String> names = header.fields();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i).strip(), i);
        }
        List<String> missing = COLUMNS.stream().filter(c -> !index.containsKey(c)).toList();
        if (header.unreadable() != null || !missing.isEmpty()) {
            pendingProblem = Problem.of(400, "malformed-header", "Malformed header", header.unreadable() != null
                    ? "The header cannot be read: " + header.unreadable() : "The header lacks " + missing);
            pendingLine = 1;
            index = Map.of();
        }
        return true;
    }

    /** Reads the next non-blank row into {@code pending}, or a problem for an unreadable row or a wrong field count. */
    private boolean advance() throws IOException {
        if (index.isEmpty()) {
            return false;
        }
        BoundedCsvRows.Row row = reader.next();
        if (row == null) {
            return false;
        }
        List<String> fields = row.fields();
        int lineNumber = row.line();
        pendingLine = lineNumber;
        if (row.unreadable() != null) {
            pendingProblem = Problem.of(400, "malformed-line", "Malformed line", "Line " + lineNumber
                    + " is not a CSV record: " + row.unreadable());
            brokenBillId = null;
            pending = null;
        } else if (fields.size() != index.size()) {
            pendingProblem = Problem.of(400, "malformed-line", "Malformed line", "Line " + lineNumber + " has "
                    + fields.size() + " fields, the header " + index.size());
            int billColumn = index.get("billId");
            brokenBillId = billColumn < fields.size() ? fields.get(billColumn).strip() : null;
            pending = null;
        } else {
            pending = fields;
        }
        return true;
    }

    private String field(List<String> row, String column) {
        return row.get(index.get(column)).strip();
    }

    private String optional(List<String> row, String column) {
        String value = field(row, column);
        return value.isEmpty() ? null : value;
    }

    private BillRequest request(List<List<String>> rows) {
        List<String> first = rows.get(0);
        String sessions = optional(first, "sessions");
        String crossRegionKind = optional(first, "crossRegionKind");
        List<BillRequest.LinePart> lines = rows.stream()
                .map(r -> new BillRequest.LinePart(field(r, "itemCode"), new BigDecimal(field(r, "amount")))).toList();
        return new BillRequest(field(first, "billId"),
                new BillRequest.InsuredPart(field(first, "personId"), field(first, "homeRegion"),
                        Scheme.valueOf(field(first, "scheme")), optional(first, "assistanceCategory")),
                new BillRequest.VisitPart(field(first, "treatmentRegion"), field(first, "institutionCode"),
                        VisitKind.valueOf(field(first, "kind")), crossRegionKind == null ? null : CrossRegionKind.valueOf(crossRegionKind),
                        LocalDate.parse(field(first, "date")), optional(first, "serviceType"),
                        sessions == null ? null : Integer.valueOf(sessions)),
                lines);
    }
}
