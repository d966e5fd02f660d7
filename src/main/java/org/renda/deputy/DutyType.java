package org.renda.deputy;

/** The kinds of duty a deputy performs, as the archives of the seeds list them. */
public enum DutyType {
    ATTEND_CONGRESS("参加人代会"),
    PROPOSAL("提出议案建议"),
    INSPECTION("视察调研"),
    TRAINING("参加培训"),
    RECEPTION("接待选民"),
    COLLECT_DEMANDS("收集民意"),
    REPORT_TO_VOTERS("向选民述职"),
    WRITTEN_REPORT("书面报告履职"),
    STATION_DUTY("进站履职"),
    GROUP_ACTIVITY("代表小组活动"),
    OTHER("其他履职");

    private final String label;

    DutyType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String messageKey() {
        return "duty.type." + name();
    }
}
