/**
 * The scoring engine of assessments: plain Java, no Spring, no database. Given a frozen scheme version
 * and the inputs of a period (entered points, record counts, satisfaction rates, bonus items, vetoes and
 * adjustments) it answers every subject's score with its breakdown, rank and tier. The module's services
 * load the inputs and store the answer; tests drive the engine directly (the seed replays). Its types are
 * a named interface of the module: a scheme's definition and the period kinds are part of the API. The only
 * Spring import here is that annotation; {@code EngineIsPlainJavaTest} keeps the rest free of it.
 */
@NullMarked
@NamedInterface("engine")
package org.renda.assessment.engine;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
