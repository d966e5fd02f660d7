package org.renda.deputy;

/** The congress a seat belongs to; a person may hold seats at several levels at once. */
public enum DeputyLevel {
    TOWN("乡镇人大代表"),
    COUNTY("县级人大代表"),
    CITY("市级人大代表"),
    PROVINCE("省级人大代表"),
    NATIONAL("全国人大代表");

    private final String label;

    DeputyLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String messageKey() {
        return "deputy.level." + name();
    }

    public static java.util.Optional<DeputyLevel> parse(String text) {
        String t = text.strip();
        for (DeputyLevel l : values()) {
            if (l.name().equalsIgnoreCase(t) || l.label.equals(t) || l.label.startsWith(t) && !t.isEmpty()) {
                return java.util.Optional.of(l);
            }
        }
        return java.util.Optional.empty();
    }
}
