package org.renda.shared.document;

import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.processor.AbstractStandardExpressionAttributeTagProcessor;
import org.thymeleaf.standard.processor.StandardTextTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * How the documents' template engine prints: every expression's value ({@code [(...)]}, {@code [[...]]},
 * {@code th:text}, {@code th:utext}, messages included) as plain text the markup cannot mistake for its own, unescaped;
 * a message that does not exist, or keeps a {@code {0}}, stops the rendering.
 */
final class DocumentValues {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    private DocumentValues() {}

    /** Runs before the standard dialect's th:text / th:utext, which then find their attribute gone. */
    static final class Dialect extends AbstractProcessorDialect {

        Dialect() {
            super("Renda document values", "th", StandardDialect.PROCESSOR_PRECEDENCE - 1);
        }

        @Override
        public Set<IProcessor> getProcessors(String prefix) {
            return Set.of(new Printer(prefix, "text"), new Printer(prefix, "utext"));
        }
    }

    private static final class Printer extends AbstractStandardExpressionAttributeTagProcessor {

        Printer(String prefix, String attribute) {
            super(TemplateMode.TEXT, prefix, attribute, StandardTextTagProcessor.PRECEDENCE, true, false);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                String attributeValue, @Nullable Object value, IElementTagStructureHandler structureHandler) {
            if (value == null) {
                throw new IllegalStateException("document template " + context.getTemplateData().getTemplate()
                        + ": " + attributeValue + " is null (write ${x ?: ''} where a value may be missing)");
            }
            structureHandler.setBody(Markup.value(value.toString()), false);
        }
    }

    /** The application's messages, strictly: no "??key??" and no unfilled "{0}" in a document. */
    static final class Messages implements IMessageResolver {

        private final MessageSource source;

        Messages(MessageSource source) {
            this.source = source;
        }

        @Override
        public String getName() {
            return "Renda document messages";
        }

        @Override
        public Integer getOrder() {
            return 0;
        }

        @Override
        public String resolveMessage(ITemplateContext context, Class<?> origin, String key,
                Object @Nullable [] parameters) {
            String text = source.getMessage(key, parameters, context.getLocale());
            if (PLACEHOLDER.matcher(text).find()) {
                throw new IllegalStateException("message " + key + " printed with a placeholder left: " + text);
            }
            return text;
        }

        @Override
        public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                Object @Nullable [] parameters) {
            throw new IllegalStateException("message missing: " + key);
        }
    }
}
