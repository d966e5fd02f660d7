/**
 * Dashboards (工作看板) for chairs, directors and staff: a year's figures of casework, duty records, reception
 * days, appraisals and assessments within the actor's reach, as charts that open the records behind them, as a
 * workbook and as JSON. Reads only through the other modules' public read facades; owns no table.
 */
@ApplicationModule(displayName = "Dashboards")
@NullMarked
package org.renda.dashboard;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
