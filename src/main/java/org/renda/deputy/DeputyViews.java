package org.renda.deputy;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.shared.Masking;

/** The read models the deputy module hands to screens and other modules. */
public final class DeputyViews {

    private DeputyViews() {}

    /** A row of the register: never the whole phone or ID number. */
    public record DeputySummary(long id, long orgId, String name, @Nullable String gender,
            @Nullable String occupation, String maskedPhone, boolean nameplateActive, List<SeatLabel> seats) {}

    /** One seat in a list: level, term and status. */
    public record SeatLabel(DeputyLevel level, int termNo, int termStart, MandateStatus status,
            @Nullable String deputyGroup) {}

    /** A deputy's full file, for staff and the deputy themself. */
    public record DeputyProfile(long id, long orgId, @Nullable Long userId, String name, @Nullable String gender,
            @Nullable LocalDate birthDate, @Nullable String ethnicity, @Nullable String party,
            @Nullable String education, @Nullable String occupation, @Nullable String workplace,
            @Nullable String phone, @Nullable String idNumber, @Nullable String bio, String publicCode,
            boolean nameplateActive, @Nullable String nameplateReason, @Nullable LocalDate nameplateChangedOn,
            boolean hasPhoto, int version, List<MandateView> mandates) {

        public String maskedPhone() {
            return Masking.phone(phone);
        }

        public String maskedIdNumber() {
            return Masking.idNumber(idNumber);
        }

        public boolean inOffice() {
            return mandates.stream().anyMatch(m -> m.status().inOffice());
        }
    }

    public record MandateView(long id, long congressOrgId, String congressName, DeputyLevel level, int termNo,
            int termStart, int termEnd, @Nullable String constituency, @Nullable String deputyGroup,
            @Nullable String station, @Nullable String cardNumber, MandateStatus status, LocalDate statusSince,
            int version, List<StatusChange> history) {}

    public record StatusChange(MandateStatus status, LocalDate effectiveOn, @Nullable String document,
            @Nullable String note, String recordedBy) {}

    public record DutyRecordView(long id, long deputyId, String deputyName, long orgId, DutyType type,
            LocalDate occurredOn, String title, @Nullable String content, @Nullable String place, DutyStatus status,
            @Nullable String reviewNote, String recordedBy, @Nullable String reviewedBy, int evidenceCount) {}

    public record EvidenceView(long id, String fileName, String contentType, int sizeBytes) {

        public boolean image() {
            return contentType.startsWith("image/");
        }
    }

    public record CommitmentView(long id, long deputyId, int year, int seq, String title, @Nullable String detail,
            @Nullable String progress, CommitmentStatus status, @Nullable String result, int version) {}

    public record GridView(long id, long orgId, String name, int households, int voters, int deputies) {}

    /** A deputy's grid duty in figures. */
    public record GridDuty(List<GridView> grids, int households, int voters) {}
}
