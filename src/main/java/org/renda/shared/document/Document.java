package org.renda.shared.document;

import java.util.List;

/**
 * An official document as its writers see it: a title (the file's title property) and blocks in reading order.
 * Built by {@link DocumentTemplates} from a template, or directly in code.
 */
public record Document(String title, List<Block> blocks) {

    public Document {
        blocks = List.copyOf(blocks);
    }
}
