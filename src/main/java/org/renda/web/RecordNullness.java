package org.renda.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Nullness;

/**
 * Carries the code's nullness into the schemas of Renda's records: our packages are {@code @NullMarked}, so a
 * component annotated {@code @Nullable} (JSpecify) may be {@code null} and every other one is never null.
 *
 * <ul>
 * <li>nullable: OpenAPI 3.1 style, {@code "null"} added to the type array; a {@code $ref} or an enum becomes
 * {@code oneOf: [the schema, {type: null}]} (an enum's list would otherwise refuse null);</li>
 * <li>required: every non-nullable component. A primitive ({@code int}, {@code boolean}) of a record that only
 * arrives as a request body is left optional, since a missing one reads as 0 or false; once the schema
 * appears in any response ({@link #requirePrimitivesOfResponses}) it is required too, as the server always
 * writes it.</li>
 * </ul>
 * Bean Validation's own {@code required} entries ({@code @NotNull}, {@code @NotBlank}) stay.
 */
class RecordNullness implements ModelConverter {

    /**
     * Schema name → primitive components not yet required. Static: swagger-core keeps its converters in a
     * JVM-wide list, so the instance that saw a record may be another application context's.
     */
    private static final Map<String, List<String>> primitives = new ConcurrentHashMap<>();

    @Override
    public @Nullable Schema<?> resolve(AnnotatedType type, ModelConverterContext context,
            Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> resolved = chain.next().resolve(type, context, chain);
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (resolved == null || !raw.isRecord() || !raw.getPackageName().startsWith("org.renda")) {
            return resolved;
        }
        Schema<?> model = resolved.get$ref() == null ? resolved
                : context.getDefinedModels().get(OpenApiConfig.refName(resolved.get$ref()));
        if (model == null || model.getProperties() == null) {
            return resolved;
        }
        adjust(model, raw);
        return resolved;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void adjust(Schema<?> model, Class<?> record) {
        Map<String, Schema> properties = model.getProperties();
        Set<String> required = new LinkedHashSet<>(model.getRequired() == null ? List.of() : model.getRequired());
        List<String> optionalPrimitives = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            Schema<?> property = properties.get(c.getName());
            if (property == null) {
                continue;
            }
            if (Nullness.forMethodReturnType(c.getAccessor()) == Nullness.NULLABLE) {
                required.remove(c.getName());
                properties.put(c.getName(), nullable(property));
            } else if (c.getType().isPrimitive() && !required.contains(c.getName())) {
                optionalPrimitives.add(c.getName());
            } else {
                required.add(c.getName());
            }
        }
        model.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
        if (model.getName() != null && !optionalPrimitives.isEmpty()) {
            primitives.put(model.getName(), optionalPrimitives);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> nullable(Schema<?> property) {
        if (property.getOneOf() != null || (property.getTypes() != null && property.getTypes().contains("null"))) {
            return property; // done already
        }
        if (property.get$ref() != null || property.getEnum() != null) {
            Schema wrapper = new Schema<>();
            wrapper.setDescription(property.getDescription());
            property.setDescription(null);
            wrapper.setOneOf(List.of(property, new Schema<>().types(Set.of("null"))));
            return wrapper;
        }
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        } else if (property.getType() != null) {
            types.add(property.getType());
        }
        types.add("null");
        property.setTypes(types);
        return property;
    }

    /** Requires the primitive components of every schema that a response carries. */
    void requirePrimitivesOfResponses(OpenAPI openApi, Set<String> responseSchemas) {
        var schemas = openApi.getComponents().getSchemas();
        primitives.forEach((name, components) -> {
            Schema<?> model = schemas == null ? null : schemas.get(name);
            if (model != null && responseSchemas.contains(name)) {
                Set<String> required = new LinkedHashSet<>(model.getRequired() == null ? List.of() : model.getRequired());
                required.addAll(components);
                model.setRequired(new ArrayList<>(required));
            }
        });
    }
}
