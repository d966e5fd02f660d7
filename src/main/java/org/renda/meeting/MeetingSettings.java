package org.renda.meeting;

import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.meeting.MeetingEnums.MeetingKind;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code renda.meeting.*}: how many days ahead invited deputies are reminded (default 3), and the statutory minimum
 * of meetings per year for each kind (a town congress meets at least twice a year: {@code minimum-per-year.SESSION=2};
 * other kinds have none unless set).
 */
@ConfigurationProperties("renda.meeting")
record MeetingSettings(int reminderDays, @Nullable Map<MeetingKind, Integer> minimumPerYear) {

    MeetingSettings {
        reminderDays = reminderDays <= 0 ? 3 : reminderDays;
        Map<MeetingKind, Integer> m = new EnumMap<>(MeetingKind.class);
        m.put(MeetingKind.SESSION, 2);
        if (minimumPerYear != null) {
            m.putAll(minimumPerYear);
        }
        minimumPerYear = Map.copyOf(m);
    }

    int minimum(MeetingKind kind) {
        return minimumPerYear == null ? 0 : minimumPerYear.getOrDefault(kind, 0);
    }
}
