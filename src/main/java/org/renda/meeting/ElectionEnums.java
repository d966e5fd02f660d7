package org.renda.meeting;

import java.util.List;

/** The kinds, steps and outcomes of elections as data: each kind names its steps in the order the law sets. */
public final class ElectionEnums {

    private ElectionEnums() {}

    /** Who elects: the congress at its session, or the voters of an electoral district (补选代表). */
    public enum ElectionKind {
        CONGRESS(List.of(ElectionStep.NOMINATED, ElectionStep.MET, ElectionStep.VOTED, ElectionStep.ANNOUNCED,
                ElectionStep.SWORN), List.of(Nomination.PRESIDIUM, Nomination.DEPUTIES_JOINT)),
        BY_ELECTION(List.of(ElectionStep.VACANCY, ElectionStep.NOMINATED, ElectionStep.PUBLISHED, ElectionStep.VOTED,
                ElectionStep.REVIEWED), List.of(Nomination.PARTIES, Nomination.VOTERS_JOINT));

        private final List<ElectionStep> steps;
        private final List<Nomination> nominations;

        ElectionKind(List<ElectionStep> steps, List<Nomination> nominations) {
            this.steps = steps;
            this.nominations = nominations;
        }

        /** The procedure's steps, in the order they must be taken ("程序一项不少、环节一个不漏"). */
        public List<ElectionStep> steps() {
            return steps;
        }

        /** Who may nominate a candidate in this kind of election. */
        public List<Nomination> nominations() {
            return nominations;
        }

        public String messageKey() {
            return "election.kind." + name();
        }
    }

    /** One step of the procedure. Manual steps are recorded with their date; the others by their own act. */
    public enum ElectionStep {
        /** The vacancy on record (出缺), with the district: the by-election's first step, recorded when it is created. */
        VACANCY(false),
        /** Nomination closed: the candidates are on the list. */
        NOMINATED(true),
        /** The candidate list published to the district's voters (候选人名单公布). */
        PUBLISHED(true),
        /** The candidates met the deputies (候选人与代表见面). */
        MET(true),
        /** A valid round elected the seats (recorded by entering the counted round). */
        VOTED(false),
        /** The presiding officer announced the result (宣布选举结果). */
        ANNOUNCED(false),
        /** Every elected person took the constitutional oath (宪法宣誓). */
        SWORN(false),
        /** The qualification review confirmed or refused the deputy (代表资格审查). */
        REVIEWED(false);

        private final boolean manual;

        ElectionStep(boolean manual) {
            this.manual = manual;
        }

        public boolean manual() {
            return manual;
        }

        public String messageKey() {
            return "election.step." + name();
        }
    }

    /** Who nominated a candidate. Joint nominations need ten or more deputies or voters. */
    public enum Nomination {
        /** 主席团提名 */
        PRESIDIUM(false),
        /** 代表十人以上联名 */
        DEPUTIES_JOINT(true),
        /** 各政党、人民团体推荐 */
        PARTIES(false),
        /** 选民十人以上联名 */
        VOTERS_JOINT(true);

        /** The least number of joint nominators the Election Law asks for. */
        public static final int JOINT_MINIMUM = 10;

        private final boolean joint;

        Nomination(boolean joint) {
            this.joint = joint;
        }

        public boolean joint() {
            return joint;
        }

        public String messageKey() {
            return "election.nomination." + name();
        }
    }

    /** Where an election stands. */
    public enum ElectionStatus {
        OPEN, DONE, REFUSED;

        public String messageKey() {
            return "election.status." + name();
        }
    }

    /** The qualification review's decision. */
    public enum ReviewOutcome {
        CONFIRMED, REFUSED;

        public String messageKey() {
            return "election.review." + name();
        }
    }

    /** Why a round counted for nothing. */
    public enum VoidReason {
        /** More ballots came back than were issued (收回票数多于发出票数). */
        RETURNED_OVER_ISSUED,
        /** Half of the registered voters or fewer voted (参加投票的选民未过半数). */
        TURNOUT;

        public String messageKey() {
            return "election.void." + name();
        }
    }
}
