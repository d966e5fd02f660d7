/**
 * Regulation compliance (条例落实): the quantified items of a regulation (the Guangdong-style regulation on town
 * congresses has 41) as a versioned checklist, imported from Excel and frozen once towns assess against it; each
 * town's yearly self-assessment, every item rated 全面落实 / 部分落实 / 未落实 with a comment, files and the counts
 * of records already in Renda ({@link org.renda.compliance.ComplianceEvidence}, implemented by the modules owning
 * them); the county's review (accept, or return with a note per item); the county's figures per town and what is
 * missing; and the town congress's reports to the Party committee (请示报告). The design: {@code docs/compliance.md}.
 */
@ApplicationModule(displayName = "Regulation compliance")
@NullMarked
package org.renda.compliance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
