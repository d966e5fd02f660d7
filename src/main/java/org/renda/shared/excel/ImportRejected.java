package org.renda.shared.excel;

import java.util.List;
import org.renda.shared.DomainException;

/** An upload with at least one bad row: nothing of it was saved, and every bad row is listed. */
public class ImportRejected extends DomainException {

    private final transient List<RowError> errors;

    public ImportRejected(List<RowError> errors) {
        super("excel.rejected", errors.size());
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }
}
