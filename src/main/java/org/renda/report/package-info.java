/**
 * The annual report (年度工作总结): for an organisation in the reader's reach and a year, the figures the modules
 * count from their own records (through {@link org.renda.report.spi.ReportFigureSource}), written as an office's
 * summary in sentences and a table, with charts, as a web page whose every figure links to the records it counts,
 * an editable .docx, a PDF and JSON. Depends on no module whose figures it shows. Design: {@code docs/annual-report.md}.
 */
@ApplicationModule(displayName = "Annual report")
@NullMarked
package org.renda.report;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
