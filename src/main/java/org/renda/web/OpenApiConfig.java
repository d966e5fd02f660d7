package org.renda.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the JSON API at /v3/api-docs (Swagger UI at /swagger-ui.html), OpenAPI 3.1 as springdoc emits it.
 *
 * <p>The document must say what the API really answers; {@code OpenApiContractTest} and the fuzzer in
 * {@code bench/fuzz} hold it to that. Two things are added to what springdoc derives from the code:
 * <ul>
 * <li>nullability and presence of record components ({@link RecordNullness}): a JSpecify {@code @Nullable}
 * component admits {@code null}, every other one is required;</li>
 * <li>the error answers of every operation, by its shape ({@link #errorResponses}), as problem details
 * ({@code application/problem+json}, schema {@code Problem}). Operations with a success status other than
 * 200 (201 Created) say so with {@code @ApiResponse} in their controller.</li>
 * </ul>
 */
@Configuration
class OpenApiConfig {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String PUBLIC_PREFIX = "/api/v1/public/";

    @Bean
    OpenAPI rendaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Renda 人大工作平台 API").version("v1")
                        .description("JSON API beside the pages. Authenticate with a personal token: "
                                + "Authorization: Bearer rnd_… (issued on the account page). Errors are RFC 9457 "
                                + "problem details (application/problem+json). A record outside the caller's reach "
                                + "answers 404, like a missing one, never 403."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
    }

    @Bean
    RecordNullness recordNullness() {
        return new RecordNullness();
    }

    @Bean
    OpenApiCustomizer rendaContract(RecordNullness nullness) {
        return openApi -> {
            Components components = openApi.getComponents();
            components.addSchemas(PROBLEM, problemSchema());
            nullness.requirePrimitivesOfResponses(openApi, responseSchemas(openApi));
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, op) -> errorResponses(path, method, op, components)));
        };
    }

    /**
     * The error statuses an operation can answer, read from its shape:
     * <ul>
     * <li>every operation: 500 (an unexpected failure, still a problem document);</li>
     * <li>signed-in operations: 401 (no, a revoked or an expired token);</li>
     * <li>a parameter or a body: 400 (missing, malformed, of the wrong type, or failing validation);</li>
     * <li>a path id, an organisation in the query ({@code org}), or a signed-in write's body (it names ids: a
     * parent, deputies): 404 (missing or outside
     * the caller's reach);</li>
     * <li>a body: 415 (not JSON); on the anonymous door also 413 (over its size limit);</li>
     * <li>writes: 422 (a business rule refused it); with a {@code version} in the body also 409 (changed by
     * someone else since it was read);</li>
     * <li>the anonymous door ({@code /api/v1/public/**}): 429 (per-client rate limit, with Retry-After).</li>
     * </ul>
     */
    static void errorResponses(String path, PathItem.HttpMethod method, Operation op, Components components) {
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        op.setResponses(responses);
        boolean publicDoor = path.startsWith(PUBLIC_PREFIX);
        boolean body = op.getRequestBody() != null;
        List<Parameter> parameters = op.getParameters() == null ? List.of() : op.getParameters();
        boolean pathId = parameters.stream().anyMatch(p -> "path".equals(p.getIn()));
        // an organisation named in the query (?org=) is looked up like a path id: missing or outside reach is 404
        boolean orgQuery = parameters.stream().anyMatch(p -> "query".equals(p.getIn())
                && ("org".equals(p.getName()) || "orgId".equals(p.getName())));
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        Map<String, String> errors = new TreeMap<>();
        if (body || !parameters.isEmpty()) {
            errors.put("400", "Invalid input: a missing or malformed parameter or body; `errors` names the fields");
        }
        if (!publicDoor) {
            errors.put("401", "No valid bearer token");
        }
        if (pathId || orgQuery || (body && write && !publicDoor)) {
            errors.put("404", "Not found, or outside the caller's reach");
        }
        if (write && body && hasVersion(op, components)) {
            errors.put("409", "Changed by someone else since it was read: read it again and resend with its version");
        }
        if (body && publicDoor) {
            errors.put("413", "The body is over the size limit");
        }
        if (body) {
            errors.put("415", "The body is not application/json");
        }
        if (write) {
            errors.put("422", "Refused by a business rule; `detail` says why");
        }
        if (publicDoor) {
            errors.put("429", "Too many requests from this client; retry after Retry-After seconds");
        }
        errors.put("500", "Unexpected failure (logged)");
        errors.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, problem(description));
            }
        });
    }

    private static boolean hasVersion(Operation op, Components components) {
        MediaType json = op.getRequestBody().getContent() == null ? null
                : op.getRequestBody().getContent().get("application/json");
        if (json == null || json.getSchema() == null) {
            return false;
        }
        Schema<?> schema = resolve(json.getSchema(), components);
        return schema != null && schema.getProperties() != null && schema.getProperties().containsKey("version");
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    /** RFC 9457 with Renda's extensions: {@code errors} (invalid fields) and {@code rows} (rejected import rows). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> problemSchema() {
        Map<String, Schema> fieldError = new LinkedHashMap<>();
        fieldError.put("field", text("The field, parameter or header at fault"));
        fieldError.put("message", text("What is wrong, in the caller's language"));
        fieldError.put("messageKey", text("The message key, where no text was resolved"));
        fieldError.put("in", text("Where the field is: header"));
        Map<String, Schema> row = new LinkedHashMap<>();
        row.put("row", new Schema<>().types(Set.of("integer")));
        row.put("message", text(null));
        Map<String, Schema> props = new LinkedHashMap<>();
        props.put("type", text("urn:renda:problem:<message key>, or about:blank"));
        props.put("title", text(null));
        props.put("status", new Schema<>().types(Set.of("integer")).minimum(java.math.BigDecimal.valueOf(400))
                .maximum(java.math.BigDecimal.valueOf(599)));
        props.put("detail", text("What went wrong, in the caller's language (Accept-Language, ?lang=)"));
        props.put("instance", text(null));
        props.put("errors", new Schema<>().types(Set.of("array"))
                .items(new Schema<>().types(Set.of("object")).properties(fieldError)));
        props.put("rows", new Schema<>().types(Set.of("array"))
                .items(new Schema<>().types(Set.of("object")).properties(row).required(List.of("row", "message"))));
        return new Schema<>().types(Set.of("object")).description("RFC 9457 problem details")
                .properties(props).required(List.of("title", "status")); // type left out means about:blank
    }

    private static Schema<?> text(@Nullable String description) {
        Schema<?> s = new Schema<>().types(Set.of("string"));
        return description == null ? s : s.description(description);
    }

    /** The component schemas reachable from any response, following $ref, items, properties and compositions. */
    static Set<String> responseSchemas(OpenAPI openApi) {
        Deque<Schema<?>> pending = new ArrayDeque<>();
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
            if (op.getResponses() != null) {
                op.getResponses().values().forEach(r -> {
                    if (r.getContent() != null) {
                        r.getContent().values().forEach(m -> {
                            if (m.getSchema() != null) {
                                pending.add(m.getSchema());
                            }
                        });
                    }
                });
            }
        }));
        Set<String> seen = new HashSet<>();
        Map<String, Schema> all = openApi.getComponents().getSchemas() == null ? Map.of()
                : openApi.getComponents().getSchemas();
        while (!pending.isEmpty()) {
            Schema<?> s = pending.pop();
            if (s.get$ref() != null) {
                String name = refName(s.get$ref());
                if (seen.add(name) && all.get(name) != null) {
                    pending.add(all.get(name));
                }
                continue;
            }
            if (s.getItems() != null) {
                pending.add(s.getItems());
            }
            if (s.getProperties() != null) {
                s.getProperties().values().forEach(pending::add);
            }
            if (s.getAdditionalProperties() instanceof Schema<?> extra) {
                pending.add(extra);
            }
            for (List<Schema> parts : java.util.Arrays.asList(s.getOneOf(), s.getAnyOf(), s.getAllOf())) {
                if (parts != null) {
                    parts.forEach(pending::add);
                }
            }
        }
        return seen;
    }

    static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static @Nullable Schema<?> resolve(Schema<?> schema, Components components) {
        return schema.get$ref() == null ? schema
                : components.getSchemas() == null ? null : components.getSchemas().get(refName(schema.get$ref()));
    }
}
