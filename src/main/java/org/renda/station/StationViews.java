package org.renda.station;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.deputy.DeputyLevel;
import org.renda.shared.Masking;
import org.renda.station.StationEnums.ActivityKind;
import org.renda.station.StationEnums.ActivityState;
import org.renda.station.StationEnums.DayState;
import org.renda.station.StationEnums.DutyState;
import org.renda.station.StationEnums.RecordKind;
import org.renda.station.StationEnums.StaffRole;
import org.renda.station.StationEnums.Tier;

/** What the station module shows; phone numbers only through their masked forms in lists and exports. */
public final class StationViews {

    private StationViews() {}

    public record StationView(long id, long orgId, String orgName, String code, String publicCode, String name,
            Tier tier, @Nullable Long parentId, String address, @Nullable String openingHours,
            @Nullable String contactPhone, @Nullable String description, boolean active, boolean hasPhoto,
            int version) {}

    public record StaffView(long id, String name, StaffRole role, @Nullable String title, @Nullable String phone,
            @Nullable Long userId) {

        public String maskedPhone() {
            return Masking.phone(phone);
        }
    }

    /** A deputy assigned to a station. */
    public record StationDeputy(long deputyId, String name, String publicCode, Set<DeputyLevel> levels,
            boolean onRoster, LocalDate since) {}

    public record DutyView(long id, long dayId, long deputyId, String deputyName, DutyState state,
            @Nullable String note) {}

    public record DayView(long id, long stationId, String stationName, long orgId, int year, LocalDate ruleDate,
            LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, String place, @Nullable String movedReason,
            DayState state, @Nullable String note, List<DutyView> duties, int records, int version) {

        public boolean moved() {
            return !ruleDate.equals(heldOn);
        }
    }

    /** A reception day as one deputy sees it on "my reception days". */
    public record MyDuty(long dutyId, DutyState state, DayView day, List<SwapOption> swapOptions) {}

    /** A colleague's place on another day of the same station, which the deputy could take in exchange. */
    public record SwapOption(long dutyId, String deputyName, LocalDate heldOn) {}

    public record Named(long id, String name) {}

    public record ItemView(long id, long recordId, int seq, String category, String content, @Nullable String answer,
            boolean resolved, @Nullable Long caseId, @Nullable String caseReceipt, @Nullable Long sponsorDeputyId) {}

    /** A photo of a reception or visit, without its bytes. */
    public record PhotoView(long id, String fileName, String contentType, int sizeBytes) {}

    public record RecordView(long id, long stationId, String stationName, long orgId, @Nullable Long dayId,
            RecordKind kind, LocalDate occurredOn, String place, int visitors, @Nullable String visitorName,
            @Nullable String visitorPhone, boolean anonymous, String summary, String recordedBy, List<Named> deputies,
            List<ItemView> items, List<PhotoView> photos) {

        public String maskedVisitorPhone() {
            return Masking.phone(visitorPhone);
        }

        /** The visitor as lists and exports show them: anonymous, or the name with the phone masked. */
        public String visitorLabel() {
            if (anonymous || visitorName == null || visitorName.isBlank()) {
                return "";
            }
            return visitorPhone == null || visitorPhone.isBlank() ? visitorName : visitorName + " " + maskedVisitorPhone();
        }
    }

    public record AttendanceView(long deputyId, String deputyName, boolean attended) {}

    public record ActivityView(long id, long stationId, String stationName, long orgId, ActivityKind kind,
            LocalDate plannedOn, String theme, ActivityState state, @Nullable LocalDate heldOn,
            @Nullable String outcome, List<AttendanceView> attendance) {}

    /**
     * A station's figures in a period: receptions held (reception days held plus receptions recorded outside a
     * reception day), visits, voters received, opinions collected and resolved, meetings held.
     */
    public record Figures(long stationId, String stationName, long orgId, String orgName, int receptionDays, int receptions,
            int visits, int voters, int opinions, int resolved, int casesOpened, int activities) {

        public int resolvedPercent() {
            return opinions == 0 ? 0 : Math.round(resolved * 100f / opinions);
        }
    }

    /** A reception day whose date has passed with no reception held or recorded. */
    public record MissedDay(long dayId, long stationId, String stationName, long orgId, LocalDate heldOn) {}

    public record HeldActivity(long id, long stationId, String stationName, LocalDate heldOn, StationEnums.ActivityKind kind,
            String theme) {}

    public record RecordLine(long id, long stationId, String stationName, LocalDate occurredOn, StationEnums.RecordKind kind, String place,
            int visitors, long matters, long solved) {}

    public record RecordTotals(long records, long voters, long matters, long solved) {}

}
