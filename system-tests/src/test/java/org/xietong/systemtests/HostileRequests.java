package org.xietong.systemtests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Bad requests for every operation of the gateway's merged OpenAPI document, derived from its parameters and body
 * schemas. Every request is meant to be refused: bodies are broken, of the wrong shape or content type, miss a
 * required field, or carry one field that breaks its schema (wrong type, 100k characters, an absurd number, a
 * malformed code, text PostgreSQL cannot store); path parameters are malformed or name nothing that exists; query
 * parameters are out of range or garbage. Values the schema would accept (an emoji or an injection string as free
 * text) only travel in a body that is invalid for another reason or at an id that does not exist, so whatever the
 * server does with them, nothing may be stored.
 */
final class HostileRequests {

    enum Transport { STANDARD, CHUNKED, RAW }

    /**
     * One request. {@code target} is path and query, percent-encoded (RAW: sent byte for byte on a socket);
     * {@code template} names the operation as the document does; {@code expected} is 0 unless a status is owed.
     * A streamed answer (a settlement batch) is 200 with one status per bill. A deep request's value passes the
     * schema the document states (text PostgreSQL cannot store, an unbounded number or string): only the service's
     * own checks or its database stand in its way, so it goes out as the platform admin, whom no region stops first.
     * An unparseable URI is one java.net.URI refuses: Quarkus answers it with an empty 400 before any route or
     * handler of ours runs (VertxHttpRecorder's URI check), so there only the status is owed.
     */
    record Bad(String method, String template, String variant, String target, String contentType,
               Map<String, String> headers, byte[] body, Transport transport, int expected, boolean streamed,
               boolean deep, boolean unparseableUri) {

        String operation() {
            return method + " " + template;
        }
    }

    static final String REGION = "650102";
    static final String MISSING_UUID = "6501aaaa-0000-4000-8000-000000650102";
    static final String MISSING_ID = "987654321";
    static final int TEN_MEGABYTES = 10 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** Serialised as the JSON escape of a lone high surrogate, which no JSON library writes on its own. */
    private static final String LONE_SURROGATE = "@lone-surrogate@";
    private static final String HUGE = "乌鲁木齐x".repeat(20_000);
    private static final List<String> BAD_PATH = List.of("abc", "-1", "0", "99999999999999999999", "1e308",
            "' OR 1=1 --", "<script>alert(1)</script>", "11010", "999999", "110105; DROP TABLE school;--",
            "😀\u202E\u200D𠀀", "null", "6501029999 ", "%", "x".repeat(1000));
    private static final List<String> BAD_REGIONS = List.of("11010", "abc123", "110105; DROP TABLE school;--",
            "1101050", "１１０１０５", "");
    private static final List<String> BAD_REGION_FILTERS = List.of("11010", "999999", "abc123",
            "110105; DROP TABLE school;--", "1101\u00000");
    private static final List<String> BAD_SCHOOL_CODES = List.of("123", "12345678901", "abcdefghij",
            "6501029901' OR '1'='1", "65010299０1", "");
    private static final List<String> BAD_CODES = List.of("' OR 1=1 --", "<script>alert(1)</script>", "h6501 lower",
            "../../etc/passwd", "", "H6501\u0000");
    /** Every text parameter gets one: PostgreSQL refuses NUL in text, even when only searching for it. */
    private static final String NUL_TEXT = "乌鲁木齐\u0000中学";
    private static final List<String> UNSTORABLE_TEXT = List.of(NUL_TEXT, "乌鲁木齐" + LONE_SURROGATE + "中学");
    private static final List<String> ODD_TEXT = List.of("乌鲁木齐第一中学😀🏫", "\u202E学中一第齐木鲁乌",
            "乌\u200D鲁\u200D木\u200D齐", "乌鲁木齐e\u0301\u0301\u0301\u0301中学", "𠀀𠀁𠂇中学", "' OR 1=1 --",
            "<script>alert(1)</script>", "'; DROP TABLE school;--", "${jndi:ldap://example.invalid/a}", "{{7*7}}");
    private static final List<String> BAD_FILTERS = List.of("' OR 1=1 --", "<script>alert(1)</script>",
            "😀\u202E乌鲁\u200D木齐\u0301𠀀", "x".repeat(1500), "%", "NOT_A_VALUE", "\\", "*");
    private static final List<String> BAD_INTEGERS = List.of("-1", "99999999999999999999", "1e308", "abc",
            "2147483648", "-9223372036854775809", "0x10");
    private static final List<String> BROKEN_JSON = List.of("{\"name\": \"unterminated", "{\"a\":1,,}",
            "{'single':'quotes'}", "", "{\"a\":1}}", "\u0000");
    private static final List<String> WRONG_SHAPES = List.of("[]", "42", "\"text\"", "null", "true", "[{}]");
    private static final List<String> PLAUSIBLE_CANDIDATES = List.of("H6501029901", "6501029901", REGION,
            "HX-6501-01", "DIALYSIS", "2026-09-01", "1", MISSING_UUID, "乌鲁木齐测试");

    private final JsonNode doc;
    private final List<Bad> out = new ArrayList<>();
    private final Map<String, Integer> turns = new HashMap<>();
    private final Set<String> bigBodyServices = new HashSet<>();

    private HostileRequests(JsonNode doc) {
        this.doc = doc;
    }

    static List<Bad> from(JsonNode document) {
        JsonNode doc = withoutNull(document);
        HostileRequests generator = new HostileRequests(doc);
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (METHODS.contains(op.getKey())) {
                generator.operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), path.getValue(), op.getValue());
            }
        }));
        generator.raw();
        return generator.out;
    }

    /**
     * A body the schema accepts, with Urumqi values and references to records that do not exist (see
     * {@link #example}): the authorisation matrix sends it so that a refusal is about the caller, not the body.
     */
    static JsonNode plausibleBody(JsonNode doc, JsonNode schema) {
        return new HostileRequests(withoutNull(doc)).example(withoutNull(schema));
    }

    /**
     * A copy of the document (or schema) without its "or null" forms, which the generator need not try: a type list
     * loses "null" ({@code ["integer", "null"]} becomes {@code "integer"}) and {@code anyOf: [X, {type: null}]}
     * becomes X.
     */
    static JsonNode withoutNull(JsonNode node) {
        JsonNode copy = node.deepCopy();
        dropNull(copy);
        return copy;
    }

    private static void dropNull(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode type = object.get("type");
            if (type != null && type.isArray()) {
                List<JsonNode> types = new ArrayList<>();
                type.forEach(t -> {
                    if (!"null".equals(t.asText())) {
                        types.add(t);
                    }
                });
                object.set("type", types.size() == 1 ? types.get(0) : NODES.arrayNode().addAll(types));
            }
            JsonNode anyOf = object.get("anyOf");
            if (anyOf != null && anyOf.size() == 2) {
                for (int i = 0; i < 2; i++) {
                    if ("null".equals(anyOf.get(i).path("type").asText())) {
                        object.remove("anyOf");
                        object.setAll((ObjectNode) anyOf.get(1 - i));
                        break;
                    }
                }
            }
        }
        node.forEach(HostileRequests::dropNull);
    }

    private record Param(String name, String in, JsonNode schema) {
    }

    private record Op(String method, String template, List<Param> params, String mediaType, JsonNode body) {

        List<Param> in(String where) {
            return params.stream().filter(p -> p.in().equals(where)).toList();
        }

        /** A path parameter that names a record (not a region): at a value that does not exist, nothing can change. */
        boolean anchored() {
            return in("path").stream().anyMatch(p -> !p.name().toLowerCase(Locale.ROOT).contains("region"));
        }

        boolean json() {
            return body != null && (mediaType.equals("application/json") || mediaType.equals("*/*"));
        }

        String service() {
            return template.split("/")[3];
        }
    }

    private void operation(String method, String template, JsonNode pathItem, JsonNode operation) {
        List<Param> params = new ArrayList<>();
        for (JsonNode p : concat(pathItem.path("parameters"), operation.path("parameters"))) {
            params.add(new Param(p.path("name").asText(), p.path("in").asText(), resolve(p.path("schema"))));
        }
        String mediaType = null;
        JsonNode body = null;
        Iterator<Map.Entry<String, JsonNode>> content =
                operation.path("requestBody").path("content").properties().iterator();
        if (content.hasNext()) {
            Map.Entry<String, JsonNode> first = content.next();
            mediaType = first.getKey();
            body = resolve(first.getValue().path("schema"));
        }
        Op op = new Op(method, template, params, mediaType, body);
        pathVariants(op);
        queryVariants(op);
        headerVariants(op);
        if (op.json() && "object".equals(body.path("type").asText())) {
            jsonBodyVariants(op);
        } else if (op.body != null && "string".equals(body.path("type").asText())) {
            textBodyVariants(op, operation.path("requestBody").path("content").properties().stream()
                    .map(Map.Entry::getKey).toList());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Path, query and headers

    private void pathVariants(Op op) {
        for (Param p : op.in("path")) {
            List<String> values = new ArrayList<>(List.of(next("path", BAD_PATH), next("path", BAD_PATH)));
            if (p.schema().path("type").asText().equals("string") && p.schema().path("format").isMissingNode()) {
                values.add(NUL_TEXT);
            }
            for (String bad : values) {
                add(op, "path " + p.name() + "=" + label(bad), path(op, Map.of(p.name(), bad)), pathBody(op));
            }
        }
        if (!op.in("path").isEmpty()) {
            add(op, "path names nothing", path(op, Map.of()), pathBody(op));
        }
    }

    private void queryVariants(Op op) {
        List<String> names = op.in("query").stream().map(Param::name).toList();
        for (Param p : op.in("query")) {
            for (String bad : badQueryValues(p)) {
                add(op, "query " + p.name() + "=" + label(bad), path(op, Map.of()) + "?" + p.name() + "=" + encode(bad),
                        queryBody(op));
            }
        }
        if (names.contains("page") && names.contains("size")) {
            add(op, "query page*size overflows", path(op, Map.of()) + "?page=2147483647&size=200", queryBody(op));
        }
    }

    private List<String> badQueryValues(Param p) {
        String name = p.name();
        String type = p.schema().path("type").asText();
        return switch (name) {
            case "page" -> List.of("-1", "2147483648", "abc");
            case "size" -> List.of("0", "100000", "-5");
            case "limit" -> List.of("-5", "0", "100000");
            case "after" -> List.of("garbage", "-1", "99999999999999999999", "1e3");
            default -> {
                if (type.equals("integer") || type.equals("number")) {
                    yield List.of(next("integer", BAD_INTEGERS), next("integer", BAD_INTEGERS));
                } else if (type.equals("boolean")) {
                    yield List.of("maybe");
                } else if ("uuid".equals(p.schema().path("format").asText())) {
                    yield List.of("not-a-uuid", next("filter", BAD_FILTERS));
                } else if (name.toLowerCase(Locale.ROOT).contains("region")) {
                    yield List.of(next("region-filter", BAD_REGION_FILTERS), next("region-filter", BAD_REGION_FILTERS));
                } else {
                    yield List.of(NUL_TEXT, next("filter", BAD_FILTERS), next("filter", BAD_FILTERS));
                }
            }
        };
    }

    private void headerVariants(Op op) {
        for (Param p : op.in("header")) {
            if (p.name().equalsIgnoreCase("If-Match")) {
                add(op, "If-Match garbage", path(op, Map.of()), pathBody(op), Map.of("If-Match", "\"' OR 1=1 --\""));
                add(op, "If-Match absurd version", path(op, Map.of()), pathBody(op),
                        Map.of("If-Match", "W/\"-99999999999999999999\""));
            } else if (p.name().equalsIgnoreCase("Idempotency-Key") && op.json()) {
                JsonNode invalid = invalidContext(op, example(op.body), List.of());
                if (invalid != null) {
                    add(op, "Idempotency-Key injection", path(op, Map.of()), json(invalid),
                            Map.of("Idempotency-Key", "' OR 1=1 --<script>alert(1)</script>"));
                    add(op, "Idempotency-Key of 4000 characters", path(op, Map.of()), json(invalid),
                            Map.of("Idempotency-Key", "k".repeat(4000)));
                }
            }
        }
    }

    /** What a request whose path or query is the point carries as its body: none, or one that is invalid anyway. */
    private Payload pathBody(Op op) {
        if (op.json() && op.anchored()) {
            return json(NODES.objectNode());
        }
        if (op.json()) {
            JsonNode invalid = invalidContext(op, example(op.body), List.of());
            return invalid == null ? json(NODES.arrayNode()) : json(invalid);
        }
        if (op.body != null) {
            return new Payload("text/csv", "not,a,header\n".getBytes(StandardCharsets.UTF_8));
        }
        return Payload.NONE;
    }

    private Payload queryBody(Op op) {
        return op.method.equals("GET") ? Payload.NONE : pathBody(op);
    }

    // ---------------------------------------------------------------------------------------------------------
    // JSON bodies

    private record Field(List<Object> path, JsonNode schema, boolean required) {

        String label() {
            StringBuilder s = new StringBuilder();
            for (Object step : path) {
                s.append(step instanceof Integer i ? "[" + i + "]" : (s.isEmpty() ? "" : ".") + step);
            }
            return s.toString();
        }
    }

    private void jsonBodyVariants(Op op) {
        String at = path(op, Map.of());
        ObjectNode base = (ObjectNode) example(op.body);
        // The same parser reads every body: each operation gets its turn of a few, all of them come round.
        for (int i = 0; i < 3; i++) {
            String broken = next("broken", BROKEN_JSON);
            add(op, "broken JSON " + label(broken), at, new Payload("application/json", utf8(broken)));
            String shape = next("shape", WRONG_SHAPES);
            add(op, "body is " + shape, at, new Payload("application/json", utf8(shape)));
        }
        add(op, "text/plain", at, new Payload("text/plain", json(base).body()));
        add(op, "application/xml", at, next("xml", List.of(true, false))
                ? new Payload("application/xml", utf8("<school><code>6501029901</code></school>"))
                : new Payload("application/x-www-form-urlencoded", utf8("code=6501029901&name=x")));
        JsonNode extra = invalidContext(op, base, List.of());
        if (extra != null) {
            // Without a Content-Type a body is read as JSON, which is lenient, not wrong: this one is invalid anyway.
            add(op, "no Content-Type", at, new Payload(null, json(extra).body()));
            ObjectNode more = extra.deepCopy();
            more.put("id", 1).put("version", 99).put("createdBy", "admin")
                    .put("unknownField", "<script>alert(1)</script>");
            more.putObject("__proto__").put("admin", true);
            add(op, "extra unknown fields", at, json(more));
        }
        if (op.method.equals("POST") && op.in("path").isEmpty() && bigBodyServices.add(op.service())) {
            bigBodies(op, at);
        }
        for (Field field : fields(op.body, base)) {
            fieldVariants(op, at, base, field);
        }
    }

    private void fieldVariants(Op op, String at, ObjectNode base, Field field) {
        JsonNode s = field.schema();
        String type = s.path("type").asText();
        String format = s.path("format").asText();
        String name = field.label();
        if (field.required()) {
            add(op, "missing " + name, at, json(without(base, field.path())));
        }
        add(op, "wrong type " + name, at, json(with(base, field.path(), wrongType(s))));
        if (type.equals("string") && !s.has("enum") && format.isEmpty()) {
            String pattern = s.path("pattern").asText("");
            Payload huge = json(with(base, field.path(), TextNode.valueOf(HUGE)));
            if (pattern.isEmpty() && !s.has("maxLength")) {
                deep(op, "100k characters in " + name, at, huge);
            } else {
                add(op, "100k characters in " + name, at, huge);
            }
            if (!pattern.isEmpty() && !pattern.equals("\\S")) {
                String bad = pattern.contains("[1-9][0-9]") ? next("region", BAD_REGIONS)
                        : pattern.contains("[0-9]{10}") ? next("school", BAD_SCHOOL_CODES) : next("code", BAD_CODES);
                add(op, "malformed " + name + "=" + label(bad), at, json(with(base, field.path(), TextNode.valueOf(bad))));
            } else {
                String unstorable = next("unstorable", UNSTORABLE_TEXT);
                deep(op, "unstorable text " + label(unstorable) + " in " + name, at,
                        json(with(base, field.path(), TextNode.valueOf(unstorable))));
                JsonNode context = invalidContext(op, base, field.path());
                if (context != null) {
                    String odd = next("odd", ODD_TEXT);
                    add(op, "odd text " + label(odd) + " in " + name + " (body invalid elsewhere)", at,
                            json(with(context, field.path(), TextNode.valueOf(odd))));
                }
            }
        } else if (type.equals("integer") || type.equals("number")) {
            if (s.has("minimum") && s.get("minimum").asDouble() >= 0) {
                add(op, "negative " + name, at, json(with(base, field.path(), NODES.numberNode(-1))));
            }
            // An integer overflows its Java type; a decimal without a maximum takes an absurd value only if unchecked.
            boolean unbounded = type.equals("number") && !s.has("maximum") && !s.path("format").asText().equals("float");
            boolean huge = next("absurd", List.of(true, false));
            Payload absurd = json(with(base, field.path(), huge ? DecimalNode.valueOf(new BigDecimal("1e308"))
                    : BigIntegerNode.valueOf(BigInteger.TWO.pow(63))));
            if (unbounded) {
                deep(op, (huge ? "1e308" : "2^63") + " in " + name, at, absurd);
            } else {
                add(op, (huge ? "1e308" : "2^63") + " in " + name, at, absurd);
            }
        } else if (type.equals("array")) {
            if (s.path("minItems").asInt(0) >= 1) {
                add(op, "empty " + name, at, json(with(base, field.path(), NODES.arrayNode())));
            }
            int max = s.path("maxItems").asInt(Integer.MAX_VALUE);
            JsonNode items = resolve(s.path("items"));
            // A set keeps one of equal items: too many of them must differ, which a short enum cannot.
            boolean distinct = s.path("uniqueItems").asBoolean(false);
            if (max <= 1000 && (!distinct || items.path("enum").size() > max)) {
                ArrayNode tooMany = NODES.arrayNode();
                for (int i = 0; i <= max; i++) {
                    tooMany.add(distinct ? items.path("enum").get(i) : example(items));
                }
                add(op, (max + 1) + " items in " + name, at, json(with(base, field.path(), tooMany)));
            }
        } else if (type.equals("object") && s.has("additionalProperties")) {
            if (s.path("minProperties").asInt(0) >= 1) {
                add(op, "empty " + name, at, json(with(base, field.path(), NODES.objectNode())));
            }
            // A map with string keys would take any key: the value is wrong too, so the entry never is right.
            ObjectNode garbage = NODES.objectNode();
            garbage.set("not-a-key", wrongType(resolve(s.path("additionalProperties"))));
            add(op, "garbage entry in " + name, at, json(with(base, field.path(), garbage)));
        }
    }

    /** The body's fields, nested objects and first array items included; optional flags (often derived) left out. */
    private List<Field> fields(JsonNode schema, JsonNode base) {
        List<Field> fields = new ArrayList<>();
        collect(schema, base, List.of(), fields, 0);
        return fields;
    }

    private void collect(JsonNode schema, JsonNode base, List<Object> at, List<Field> fields, int depth) {
        Set<String> required = requiredOf(schema);
        schema.path("properties").properties().forEach(property -> {
            JsonNode s = resolve(property.getValue());
            boolean isRequired = required.contains(property.getKey());
            if (s.path("type").asText().equals("boolean") && !isRequired) {
                return;
            }
            List<Object> path = append(at, property.getKey());
            fields.add(new Field(path, s, isRequired));
            JsonNode present = base == null ? null : base.get(property.getKey());
            if (depth < 2 && present != null) {
                if (s.path("type").asText().equals("object") && s.has("properties")) {
                    collect(s, present, path, fields, depth + 1);
                } else if (s.path("type").asText().equals("array") && present.size() > 0) {
                    JsonNode items = resolve(s.path("items"));
                    if (items.path("type").asText().equals("object") && items.has("properties")) {
                        collect(items, present.get(0), append(path, 0), fields, depth + 1);
                    }
                }
            }
        });
    }

    /**
     * The body with a required field (other than the one under test) taken out, so that it is refused whatever the
     * field under test carries; at an id that does not exist the body may stay whole. Null when neither works.
     */
    private JsonNode invalidContext(Op op, JsonNode base, List<Object> except) {
        if (op.anchored()) {
            return base;
        }
        for (String required : requiredOf(op.body)) {
            if (except.isEmpty() || !except.get(0).equals(required)) {
                return without(base, List.of(required));
            }
        }
        return null;
    }

    private void bigBodies(Op op, String at) {
        byte[] big = new byte[TEN_MEGABYTES + 1];
        Arrays.fill(big, (byte) 'x');
        byte[] head = utf8("{\"name\":\"");
        System.arraycopy(head, 0, big, 0, head.length);
        big[big.length - 2] = '"';
        big[big.length - 1] = '}';
        out.add(new Bad(op.method, op.template, "10 MB + 1 body", at, "application/json", Map.of(), big,
                Transport.STANDARD, 413, false, true, false));
        if (bigBodyServices.size() == 1) {
            out.add(new Bad(op.method, op.template, "10 MB + 1 body, chunked", at, "application/json", Map.of(), big,
                    Transport.CHUNKED, 413, false, true, false));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // CSV and JSON-lines bodies

    private void textBodyVariants(Op op, List<String> types) {
        String at = path(op, Map.of());
        boolean streamed = op.template.endsWith("/batch");
        if (streamed) {
            at += "?record=true";
        }
        for (String type : types) {
            List<String> bodies = type.contains("csv") || type.equals("text/plain")
                    ? List.of("", "\uFEFF", "not,a,valid,header\n1,2,3,4\n", "code,name\n\"unterminated,x\n",
                    "code,name,regionCode\n' OR 1=1 --,<script>alert(1)</script>,11010\n",
                    "code,name,regionCode\n=cmd|' /C calc'!A0,乌鲁木齐\u0000中学,110105; DROP TABLE school;--\n",
                    "code,name\n" + "x,".repeat(30_000) + "\n", "\u0000\u0001\u0002,\u0000\n")
                    : List.of("not json", "{}", "[]", "null", "{\"insured\":", "{\"billId\":\"" + HUGE + "\"}",
                    "{\"billId\":\"b\u0000\",\"insured\":{\"personId\":\"" + LONE_SURROGATE + "\"}}", "42\n\"x\"\n{}");
            for (String body : bodies) {
                out.add(new Bad(op.method, op.template, type + " " + label(body), at, type, Map.of(),
                        utf8(body.replace(LONE_SURROGATE, "\\ud800")), Transport.STANDARD, 0, streamed, false, false));
            }
            out.add(new Bad(op.method, op.template, type + " random bytes", at, type, Map.of(), randomBytes(),
                    Transport.STANDARD, 0, streamed, false, false));
            if (!streamed) {
                break;
            }
        }
        out.add(new Bad(op.method, op.template, "JSON instead of " + types.get(0), at, "application/json", Map.of(),
                utf8("[{\"code\":\"6501029901\"}]"), Transport.STANDARD, 0, false, false, false));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4096];
        new Random(6501).nextBytes(bytes);
        return bytes;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Requests no HTTP client library sends: malformed escapes, raw bytes, dot segments

    private void raw() {
        List<String[]> raw = List.of(
                new String[]{"/api/v1/pairing/schools/{code}", "/api/v1/pairing/schools/%zz"},
                new String[]{"/api/v1/pairing/schools", "/api/v1/pairing/schools?name=%zz"},
                new String[]{"/api/v1/rotation/teachers/{id}", "/api/v1/rotation/teachers/%"},
                new String[]{"/api/v1/healthcare/institutions", "/api/v1/healthcare/institutions?region=%E4%B8"},
                new String[]{"/api/v1/pairing/schools/{code}", "/api/v1/pairing/schools/%C0%AE%C0%AE"},
                new String[]{"/api/v1/rotation/teachers/{id}", "/api/v1/rotation/teachers/..%2F..%2Fhealthcare"},
                new String[]{"/api/v1/healthcare/institutions", "/api/v1/pairing/../healthcare/institutions"},
                new String[]{"/api/v1/healthcare/institutions/{code}", "/api/v1/healthcare/institutions/乌鲁木齐"},
                new String[]{"/api/v1/pairing/schools", "/api/v1/pairing/schools?page=1&page=-1&size=1&size=0"});
        for (String[] r : raw) {
            out.add(new Bad("GET", r[0], "raw " + r[1], r[1], null, Map.of(), null, Transport.RAW, 0, false, false,
                    !parses(r[1])));
        }
    }

    /** Quarkus' own check of every request, before any route: does java.net.URI take it (as bytes, one a char)? */
    private static boolean parses(String target) {
        try {
            new URI(new String(target.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Schemas

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asText();
            s = doc.at(ref.substring(1));
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(s.get("allOf").get(0));
        }
        return s;
    }

    private static Set<String> requiredOf(JsonNode schema) {
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        return required;
    }

    /** A plausible value for the schema (optional flags left out), in Urumqi (650102), where no other test works. */
    private JsonNode example(JsonNode schema) {
        JsonNode s = resolve(schema);
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        switch (s.path("type").asText()) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (s.path("additionalProperties").isObject()) {
                    object.set("1", example(s.get("additionalProperties")));
                }
                Set<String> required = requiredOf(s);
                s.path("properties").properties().forEach(p -> {
                    boolean flag = resolve(p.getValue()).path("type").asText().equals("boolean");
                    if (required.contains(p.getKey()) || !flag) {
                        object.set(p.getKey(), p.getKey().matches(".*Ids?") ? idExample(p.getValue())
                                : example(p.getValue()));
                    }
                });
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(example(s.path("items")));
                return array;
            }
            case "integer", "number" -> {
                long value = 1;
                if (s.has("minimum") && s.get("minimum").asDouble() > value) {
                    value = (long) Math.ceil(s.get("minimum").asDouble());
                }
                if (s.has("maximum") && s.get("maximum").asDouble() < value) {
                    value = (long) Math.floor(s.get("maximum").asDouble());
                }
                return NODES.numberNode(value);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                return TextNode.valueOf(plausibleText(s));
            }
        }
    }

    /** A reference to another record, which does not exist, so that a body that passes every check stores nothing. */
    private JsonNode idExample(JsonNode schema) {
        JsonNode s = resolve(schema);
        if (s.path("type").asText().equals("array")) {
            return NODES.arrayNode().add(idExample(s.path("items")));
        }
        return s.path("type").asText().equals("integer") ? NODES.numberNode(Long.parseLong(MISSING_ID)) : example(s);
    }

    private static String plausibleText(JsonNode s) {
        switch (s.path("format").asText()) {
            case "date" -> {
                return "2026-09-01";
            }
            case "date-time" -> {
                return "2026-09-01T08:00:00+08:00";
            }
            case "uuid" -> {
                return MISSING_UUID;
            }
            default -> {
                String pattern = s.path("pattern").asText("");
                if (pattern.isEmpty() || pattern.equals("\\S")) {
                    return "乌鲁木齐测试";
                }
                try {
                    Pattern compiled = Pattern.compile(pattern);
                    for (String candidate : PLAUSIBLE_CANDIDATES) {
                        if (compiled.matcher(candidate).matches()) {
                            return candidate;
                        }
                    }
                } catch (PatternSyntaxException e) {
                    // fall through
                }
                // A literal pattern (NATIONAL_2021) is its own example; the document anchors patterns as ^(?:…)$.
                return pattern.startsWith("^(?:") && pattern.endsWith(")$")
                        ? pattern.substring(4, pattern.length() - 2) : pattern;
            }
        }
    }

    private static JsonNode wrongType(JsonNode s) {
        if (s.has("enum")) {
            return TextNode.valueOf("NOT_A_MEMBER");
        }
        return switch (s.path("type").asText()) {
            case "string" -> switch (s.path("format").asText()) {
                case "date" -> TextNode.valueOf("2025-02-30");
                case "date-time" -> TextNode.valueOf("yesterday");
                case "uuid" -> TextNode.valueOf("not-a-uuid");
                default -> NODES.objectNode().put("not", "a string");
            };
            case "integer", "number" -> TextNode.valueOf("abc");
            case "boolean" -> TextNode.valueOf("maybe");
            case "array" -> NODES.objectNode().put("not", "an array");
            default -> TextNode.valueOf("not an object");
        };
    }

    private static JsonNode with(JsonNode base, List<Object> path, JsonNode value) {
        JsonNode copy = base.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = path.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) path.get(i));
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return copy;
    }

    private static JsonNode without(JsonNode base, List<Object> path) {
        JsonNode copy = base.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = path.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) path.get(i));
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).remove(index);
        } else {
            ((ObjectNode) parent).remove((String) last);
        }
        return copy;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Plumbing

    private record Payload(String contentType, byte[] body) {
        static final Payload NONE = new Payload(null, null);
    }

    private static Payload json(JsonNode node) {
        try {
            String text = JSON.writeValueAsString(node).replace(LONE_SURROGATE, "\\ud800");
            return new Payload("application/json", utf8(text));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(Op op, String variant, String target, Payload payload) {
        add(op, variant, target, payload, Map.of(), false);
    }

    private void deep(Op op, String variant, String target, Payload payload) {
        add(op, variant, target, payload, Map.of(), true);
    }

    private void add(Op op, String variant, String target, Payload payload, Map<String, String> headers) {
        add(op, variant, target, payload, headers, false);
    }

    private void add(Op op, String variant, String target, Payload payload, Map<String, String> headers,
                     boolean deep) {
        out.add(new Bad(op.method, op.template, variant, target, payload.contentType(), headers, payload.body(),
                Transport.STANDARD, 0, op.template.endsWith("/batch"), deep, false));
    }

    private String path(Op op, Map<String, String> values) {
        String path = op.template;
        for (Param p : op.in("path")) {
            String value = values.containsKey(p.name()) ? values.get(p.name()) : plausible(op, p);
            path = path.replace("{" + p.name() + "}", encode(value));
        }
        return path;
    }

    /** A value for a path parameter that is well formed and names nothing: no test uses these ids or Urumqi. */
    private static String plausible(Op op, Param p) {
        if ("uuid".equals(p.schema().path("format").asText())) {
            return MISSING_UUID;
        }
        if ("integer".equals(p.schema().path("type").asText())) {
            return MISSING_ID;
        }
        if (p.name().toLowerCase(Locale.ROOT).contains("region")) {
            return REGION;
        }
        return op.service().equals("healthcare") ? "H6501029999" : "6501029999";
    }

    private <T> T next(String list, List<T> values) {
        int turn = turns.merge(list, 1, Integer::sum) - 1;
        return values.get(turn % values.size());
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters. */
    static String encode(String value) {
        StringBuilder s = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                s.append(c);
            } else {
                s.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return s.toString();
    }

    /** A variant's value as a report shows it: escaped, and long ones by their length. */
    static String label(String value) {
        String shown = value.length() > 40 ? value.substring(0, 12) + "…(" + value.length() + " chars)" : value;
        StringBuilder s = new StringBuilder("'");
        shown.codePoints().forEach(c -> s.append(c < 0x20 || (c >= 0x200B && c <= 0x202E)
                ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        return s.append("'").toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return List.copyOf(longer);
    }

    private static Iterable<JsonNode> concat(JsonNode a, JsonNode b) {
        List<JsonNode> all = new ArrayList<>();
        a.forEach(all::add);
        b.forEach(all::add);
        return all;
    }

    /** Counts by operation, for the report. */
    static Map<String, Integer> byOperation(List<Bad> requests) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        requests.forEach(r -> counts.merge(r.operation(), 1, Integer::sum));
        return counts;
    }
}
