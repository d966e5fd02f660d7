package org.renda.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.renda.assessment.AssessmentEnums.SheetStatus;
import org.renda.assessment.AssessmentViews.SheetSummary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 我的评分表: the signed-in user's scoring sheets of open periods, by period, those still to submit first. Any
 * member of an evaluator group reaches it (from the menu and the home page), whatever their role.
 */
@Controller
class MySheetsPage {

    static final String VIEW = "assessment/my-sheets";

    private final ScoringSheets sheets;

    MySheetsPage(ScoringSheets sheets) {
        this.sheets = sheets;
    }

    @GetMapping("/assessments/sheets/mine")
    String mine(Model model) {
        List<SheetSummary> mine = sheets.mine();
        Map<String, List<SheetSummary>> byPeriod = new LinkedHashMap<>();
        mine.stream().sorted(Comparator.comparingLong(SheetSummary::periodId).reversed()
                        .thenComparing(s -> s.status() == SheetStatus.SUBMITTED))
                .forEach(s -> byPeriod.computeIfAbsent(s.periodName(), k -> new ArrayList<>()).add(s));
        model.addAttribute("byPeriod", byPeriod);
        model.addAttribute("open", mine.stream().filter(s -> s.status() != SheetStatus.SUBMITTED).count());
        model.addAttribute("total", mine.size());
        return VIEW;
    }
}
