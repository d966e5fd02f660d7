/**
 * What the annual report asks of the modules that own its figures: each module publishes one or more
 * {@link org.renda.report.spi.ReportFigureSource} beans that count its own records for an organisation's subtree
 * and a year. The report module finds them by type and depends on none of them.
 */
@NamedInterface("spi")
@NullMarked
package org.renda.report.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
