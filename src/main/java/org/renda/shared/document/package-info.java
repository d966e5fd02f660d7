/**
 * Official documents (会议通知, 议程, 主持词, 决议, 年度工作总结) written from templates as an editable Word file and
 * as a PDF, both in Chinese type. One shape: {@link org.renda.shared.document.DocumentTemplates} renders
 * {@code templates/documents/<name>.txt} into a {@link org.renda.shared.document.Document};
 * {@link org.renda.shared.document.DocxWriter} and {@link org.renda.shared.document.PdfWriter} write it; the page
 * answers it with {@link org.renda.shared.web.Downloads#docx} or {@link org.renda.shared.web.Downloads#pdf}.
 */
@NullMarked
package org.renda.shared.document;

import org.jspecify.annotations.NullMarked;
