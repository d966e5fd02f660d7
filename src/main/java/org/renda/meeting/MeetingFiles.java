package org.renda.meeting;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.shared.DomainException;
import org.renda.shared.Images;

/**
 * Meeting materials (会议材料): the same limits as case and duty attachments (5 MB a file, checked by content, not
 * by the name), in the formats offices hand out: PDF, Word, Excel, and photos.
 */
final class MeetingFiles {

    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    static final String PDF = "application/pdf";
    static final Map<String, String> OFFICE = Map.of(
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation");

    private MeetingFiles() {}

    /** The content type the file really has, or a refusal naming the field. */
    static String check(String fileName, @Nullable String declared, byte[] data) {
        if (data.length == 0) {
            throw DomainException.onField("file", "meeting.material.error.empty");
        }
        if (data.length > MAX_FILE_BYTES) {
            throw DomainException.onField("file", "meeting.material.error.tooLarge", MAX_FILE_BYTES / 1024 / 1024);
        }
        if (data.length > 4 && data[0] == '%' && data[1] == 'P' && data[2] == 'D' && data[3] == 'F') {
            return PDF;
        }
        String ext = extension(fileName);
        if (data.length > 4 && data[0] == 'P' && data[1] == 'K' && data[2] == 3 && data[3] == 4 && OFFICE.containsKey(ext)) {
            return OFFICE.get(ext);
        }
        if (declared != null && declared.startsWith("image/") && Images.isImage(data)) {
            return declared;
        }
        throw DomainException.onField("file", "meeting.material.error.type");
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String safeName(@Nullable String name) {
        String n = name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (n.isEmpty()) {
            n = "材料";
        }
        return n.length() > 150 ? n.substring(n.length() - 150) : n;
    }

    /** 1..99 in Chinese numerals, as titles write terms and sessions (第十八届, 第三次). */
    static String numeral(int n) {
        String digits = "零一二三四五六七八九";
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        if (n < 100) {
            int tens = n / 10;
            int ones = n % 10;
            return (tens == 1 ? "" : String.valueOf(digits.charAt(tens))) + "十" + (ones == 0 ? "" : digits.charAt(ones));
        }
        return String.valueOf(n);
    }
}
