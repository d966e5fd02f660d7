package org.renda.web;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds a real answer of the API to its OpenAPI 3.1 document (as {@code /v3/api-docs} serves it): the operation
 * must be documented, the status must be one it lists, the media type one listed for that status, and the body
 * valid against that schema (JSON Schema 2020-12 with the OpenAPI 3.1 dialect, networknt). Used by
 * {@link OpenApiContractTest} and by the fuzzer in {@code bench/fuzz}, which runs it from the test classes.
 */
public final class OpenApiContract {

    private static final String BASE = "https://renda.invalid/v3/api-docs";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One documented operation: {@code GET /api/v1/orgs/{id}}. */
    public record Op(String method, String template, Pattern pattern, int literalSegments, JsonNode node) {
        public String key() {
            return method + " " + template;
        }
    }

    private final JsonNode spec;
    private final List<Op> ops = new ArrayList<>();
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    public OpenApiContract(String specJson) {
        this.spec = JSON.readTree(specJson);
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                b -> b.schemas(Map.of(BASE, specJson)));
        spec.get("paths").properties().forEach(path -> path.getValue().properties().forEach(m -> {
            String template = path.getKey();
            String regex = Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            int literals = (int) java.util.Arrays.stream(template.split("/")).filter(s -> !s.startsWith("{")).count();
            ops.add(new Op(m.getKey().toUpperCase(Locale.ROOT), template, Pattern.compile(regex), literals, m.getValue()));
        }));
    }

    public JsonNode spec() {
        return spec;
    }

    public List<Op> operations() {
        return List.copyOf(ops);
    }

    /** The documented operation a request goes to, the most literal template first. */
    public Optional<Op> match(String method, String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return ops.stream().filter(o -> o.method().equalsIgnoreCase(method) && o.pattern().matcher(p).matches())
                .max(Comparator.comparingInt(Op::literalSegments));
    }

    /** What is wrong with an answer, empty when it keeps the contract. */
    public List<String> check(String method, String path, int status, @Nullable String contentType, String body) {
        List<String> violations = new ArrayList<>();
        Optional<Op> found = match(method, path);
        if (found.isEmpty()) {
            violations.add("undocumented operation " + method + " " + path);
            return violations;
        }
        Op op = found.get();
        JsonNode responses = op.node().path("responses");
        String code = String.valueOf(status);
        if (!responses.has(code)) {
            violations.add(op.key() + ": undocumented status " + status + " (documented: "
                    + String.join(", ", responses.propertyNames()) + ")");
            return violations;
        }
        JsonNode content = responses.get(code).path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (!body.isEmpty()) {
                violations.add(op.key() + " " + status + ": a body where none is documented");
            }
            return violations;
        }
        String media = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!content.has(media)) {
            violations.add(op.key() + " " + status + ": media type '" + media + "' (documented: "
                    + String.join(", ", content.propertyNames()) + ")");
            return violations;
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body.isEmpty() ? "null" : body);
        } catch (RuntimeException e) {
            violations.add(op.key() + " " + status + ": not JSON: " + abbreviate(body));
            return violations;
        }
        String pointer = "/paths/" + escape(op.template()) + "/" + op.method().toLowerCase(Locale.ROOT)
                + "/responses/" + code + "/content/" + escape(media) + "/schema";
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(BASE + "#" + p)));
        schema.validate(instance).forEach(e -> violations.add(op.key() + " " + status + ": " + e.getInstanceLocation()
                + " " + e.getMessage()));
        return violations;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
