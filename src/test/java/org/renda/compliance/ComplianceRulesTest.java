package org.renda.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.renda.compliance.ComplianceDesk.Upload;
import org.renda.compliance.ComplianceEnums.Rating;
import org.renda.compliance.ComplianceEnums.Status;
import org.renda.compliance.ComplianceViews.Counts;
import org.renda.compliance.ComplianceViews.RatingView;
import org.renda.shared.DomainException;

/** The small rules of compliance: counting ratings, which states a town may edit, which files count as evidence. */
class ComplianceRulesTest {

    private static RatingView rated(int no, Rating rating) {
        return new RatingView(no, 1, 1, no, no, "章", "条目", "衡量", null, rating, null, null, null, 0);
    }

    @Test
    void fortyOneRatingsCountAs35Full6PartialNoneUnratedLikeLuoding() {
        List<RatingView> ratings = new ArrayList<>();
        for (int i = 1; i <= 41; i++) {
            ratings.add(rated(i, i <= 35 ? Rating.FULL : Rating.PARTIAL));
        }
        Counts c = ComplianceDesk.counts(ratings);
        assertThat(c).isEqualTo(new Counts(35, 6, 0, 0));
        assertThat(c.total()).isEqualTo(41);
        ratings.set(0, rated(1, null));
        ratings.set(1, rated(2, Rating.NONE));
        assertThat(ComplianceDesk.counts(ratings)).isEqualTo(new Counts(33, 6, 1, 1));
    }

    @Test
    void onlyADraftOrAReturnedAssessmentIsTheTownsToChange() {
        assertThat(Status.DRAFT.editable()).isTrue();
        assertThat(Status.RETURNED.editable()).isTrue();
        assertThat(Status.SUBMITTED.editable()).isFalse();
        assertThat(Status.ACCEPTED.editable()).isFalse();
        assertThat(Rating.PARTIAL.label()).isEqualTo("部分落实");
    }

    @Test
    void evidenceFilesAreImagesPdfOrWordByTheirBytesNotTheirNames() {
        byte[] pdf = "%PDF-1.4".getBytes();
        byte[] docx = {'P', 'K', 3, 4, 0, 0};
        ComplianceDesk.checkFiles(List.of(new Upload("a.pdf", "application/pdf", pdf),
                new Upload("b.docx", ComplianceDesk.DOCX, docx)));
        assertThatThrownBy(() -> ComplianceDesk.checkFiles(List.of(new Upload("renamed.pdf", "application/pdf", docx))))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> ComplianceDesk.checkFiles(List.of(new Upload("x.exe", "application/x-msdownload", pdf))))
                .isInstanceOf(DomainException.class);
        assertThat(ComplianceDesk.safeName("C:\\扫描\\回执\".png")).isEqualTo("回执.png");
    }
}
