package org.xietong.healthcare.settlement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;
import org.xietong.healthcare.settlement.engine.BillException;
import org.xietong.healthcare.settlement.engine.YearlyAccumulators;
import org.xietong.platform.problem.Problem;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Actor;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A partner province's batch of bills, read and answered one bill at a time (NDJSON out), so a million lines never
 * sit in memory. A bad bill gets its own error line; the batch goes on. Quotes carry each person's accumulators
 * forward in memory from the stored ones; recording settles each bill in its own transaction.
 */
@ApplicationScoped
public class BatchSettlement {

    private static final Logger LOG = Logger.getLogger(BatchSettlement.class);
    private static final int CHUNK = 500;

    private final SettlementService settlements;
    private final ObjectMapper json;
    private final Validator validator;
    private final AccumulatorStore stored;
    private final BatchLimits limits;

    public BatchSettlement(SettlementService settlements, ObjectMapper json, Validator validator, AccumulatorStore stored,
                           BatchLimits limits) {
        this.settlements = settlements;
        this.json = json;
        this.validator = validator;
        this.stored = stored;
        this.limits = limits;
    }

    /** One bill of the input: where it starts, and the request or why it could not be read. */
    record Item(int line, String billId, BillRequest request, Problem unreadable) {
    }

    /**
     * Answers the batch as it streams in. A cap of {@link BatchLimits} stops the batch where it is hit: bills
     * answered before it stay answered (and recorded, with record=true), bills read but not yet answered are
     * dropped (a partly read chunk is not recorded), and the problem says how many were answered and recorded.
     * Before the first answer the problem is the response (413, nothing has been written); after, it is the
     * stream's last line.
     */
    public void run(InputStream in, boolean csv, boolean record, SettlementAccess access, Actor actor, OutputStream out) {
        BillContext context = settlements.context();
        BoundedLines lines = new BoundedLines(in, limits.lineBytes(), limits.lines());
        // The bill being quoted (its line) and how many person-years the batch carries, to cap what a batch holds.
        int[] quoting = {0, 0};
        YearlyAccumulators carried = new YearlyAccumulators(key -> year -> {
            if (++quoting[1] > limits.people()) {
                throw BatchLimitException.tooManyPeople(quoting[0], limits.people());
            }
            return stored.read(Account.ofKey(key), year);
        });
        Set<String> audited = new HashSet<>();
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        BatchBills bills = csv ? new CsvBills(lines, BillRequest.MAX_LINES) : new JsonLineBills(lines, json);
        int answered = 0;
        int recorded = 0;
        try {
            try {
                List<Item> chunk = new ArrayList<>(CHUNK);
                for (Item item = bills.next(); item != null; item = bills.next()) {
                    if (!record) {
                        Item bill = item;
                        quoting[0] = bill.line();
                        write(writer, QuarkusTransaction.requiringNew().call(() -> answer(bill, false, access, actor, context,
                                carried, audited)));
                        if (++answered % 100 == 0) {
                            writer.flush();
                        }
                        continue;
                    }
                    chunk.add(item);
                    if (chunk.size() == CHUNK) {
                        List<Map<String, Object>> answers = recordChunk(chunk, access, actor, context);
                        answered += answers.size();
                        recorded += created(answers);
                        writeAll(writer, answers);
                        chunk.clear();
                    }
                }
                if (!chunk.isEmpty()) {
                    writeAll(writer, recordChunk(chunk, access, actor, context));
                }
                writer.flush();
            } catch (BatchLimitException e) {
                ProblemException refused = e.after(answered, recorded);
                if (answered == 0) {
                    throw refused;
                }
                Map<String, Object> last = new LinkedHashMap<>();
                last.put("line", e.problem().extensions().get("line"));
                last.put("status", refused.problem().status());
                last.put("problem", refused.problem());
                write(writer, last);
                writer.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int created(List<Map<String, Object>> answers) {
        return (int) answers.stream().filter(a -> Integer.valueOf(201).equals(a.get("status"))).count();
    }

    /**
     * Records a chunk of bills in one transaction with a handful of statements: a transaction and seven round trips
     * per bill made a million-line batch take minutes. A bill the engine refuses is answered and skipped without
     * touching the others; if the database refuses the chunk, each of its bills is recorded again on its own.
     */
    private List<Map<String, Object>> recordChunk(List<Item> chunk, SettlementAccess access, Actor actor,
                                                  BillContext context) {
        Map<Item, Map<String, Object>> answers = new LinkedHashMap<>();
        List<Item> readable = new ArrayList<>();
        for (Item item : chunk) {
            Problem problem = item.unreadable() != null ? item.unreadable() : invalid(item.request());
            answers.put(item, problem == null ? null : answer(item, problem.status(), null, problem));
            if (problem == null) {
                readable.add(item);
            }
        }
        try {
            List<SettlementService.Outcome> outcomes = QuarkusTransaction.requiringNew().call(() ->
                    settlements.recordChunk(readable.stream().map(Item::request).toList(), access, actor, context));
            for (int i = 0; i < readable.size(); i++) {
                SettlementService.Outcome outcome = outcomes.get(i);
                answers.put(readable.get(i), outcome.problem() == null
                        ? answer(readable.get(i), 201, outcome.settlement(), null)
                        : answer(readable.get(i), outcome.problem().status(), null, outcome.problem()));
            }
        } catch (RuntimeException e) {
            LOG.warnf("a chunk of %d bills failed (%s); recording them one by one", readable.size(), e.toString());
            for (Item item : readable) {
                answers.put(item, QuarkusTransaction.requiringNew().call(() -> answer(item, true, access, actor, context, null, null)));
            }
        }
        return List.copyOf(answers.values());
    }

    private static Map<String, Object> answer(Item item, int status, SettlementView view, Problem problem) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("line", item.line());
        answer.put("billId", item.billId());
        answer.put("status", status);
        answer.put(view != null ? "settlement" : "problem", view != null ? view : problem);
        return answer;
    }

    private void writeAll(BufferedWriter writer, List<Map<String, Object>> answers) throws IOException {
        for (Map<String, Object> answer : answers) {
            write(writer, answer);
        }
        writer.flush();
    }

    private void write(BufferedWriter writer, Map<String, Object> answer) throws IOException {
        writer.write(json.writeValueAsString(answer));
        writer.write('\n');
    }

    private Map<String, Object> answer(Item item, boolean record, SettlementAccess access, Actor actor,
                                       BillContext context, YearlyAccumulators carried, Set<String> audited) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("line", item.line());
        answer.put("billId", item.billId());
        Problem problem = item.unreadable();
        if (problem == null) {
            problem = invalid(item.request());
        }
        if (problem == null) {
            try {
                SettlementView view = record
                        ? settlements.record(item.request(), access, actor, context)
                        : settlements.quote(item.request(), access, actor, context, carried, audited);
                answer.put("status", record ? 201 : 200);
                answer.put("settlement", view);
                return answer;
            } catch (BillException e) {
                problem = SettlementService.problem(e).problem();
            } catch (BatchLimitException e) {
                throw e;
            } catch (ProblemException e) {
                problem = e.problem();
            } catch (RuntimeException e) {
                String id = UUID.randomUUID().toString();
                LOG.errorf(e, "batch bill at line %d failed, error id %s", item.line(), id);
                problem = Problem.of(500, "internal-error", "Internal error",
                        "This bill failed on our side; quote error id " + id);
            }
        }
        answer.put("status", problem.status());
        answer.put("problem", problem);
        return answer;
    }

    private Problem invalid(BillRequest request) {
        Set<ConstraintViolation<BillRequest>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            return null;
        }
        List<Problem.FieldError> errors = violations.stream()
                .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
        return Problem.of(400, "invalid-request", "Invalid request", errors.size() + " field(s) are invalid")
                .withErrors(errors);
    }

    /** One bill per line as JSON, like the body of {@code POST /settlements/quote}; blank lines are skipped. */
    static final class JsonLineBills implements BatchBills {

        private final BoundedLines reader;
        private final ObjectMapper json;

        JsonLineBills(BoundedLines reader, ObjectMapper json) {
            this.reader = reader;
            this.json = json;
        }

        @Override
        public Item next() throws IOException {
            String text;
            do {
                text = reader.next();
            } while (text != null && text.isBlank());
            if (text == null) {
                return null;
            }
            int lineNumber = reader.lineNumber();
            try {
                BillRequest request = json.readValue(text, BillRequest.class);
                if (request == null) {
                    throw new IllegalArgumentException("null");
                }
                return new Item(lineNumber, request.billId(), request, null);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return new Item(lineNumber, null, null, Problem.of(400, "malformed-line", "Malformed line",
                        "Line " + lineNumber + " is not a bill as JSON"));
            }
        }
    }
}
