package org.renda.shared.excel;

/** One problem in an uploaded sheet: the Excel row number and a message key with its arguments. */
public record RowError(int row, String messageKey, Object... args) {}
