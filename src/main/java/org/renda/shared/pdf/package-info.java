/**
 * PDF documents for printing (nameplates, archives, later appraisal reports and ledgers), built on
 * Apache PDFBox with a CJK font shipped in the application (WenQuanYi Micro Hei, {@code fonts/wqy-microhei.ttc},
 * embedded as a subset with Identity-H encoding), so Chinese prints the same on every machine.
 * {@link org.renda.shared.pdf.PdfDocument} flows titles, headings, paragraphs and tables over pages and
 * numbers them; it also draws at fixed positions for cards.
 */
@NullMarked
package org.renda.shared.pdf;

import org.jspecify.annotations.NullMarked;
