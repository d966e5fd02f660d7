package org.renda.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.casework.CaseDesk.Upload;
import org.renda.shared.DomainException;
import org.renda.shared.Images;
import org.springframework.stereotype.Component;

/**
 * The files of a case: the submission's photos, and the documents a handling unit sends with its reply (photos
 * or PDF). Each is checked by its bytes, not its declared type, and kept with the case (and the step it came
 * with); reading one back goes through {@link CaseDesk#attachment}, which answers 404 outside the reader's reach.
 */
@Component
class CaseFiles {

    static final int MAX_FILES = 6;
    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/webp");
    static final String PDF = "application/pdf";

    private final CaseStore store;

    CaseFiles(CaseStore store) {
        this.store = store;
    }

    /** Photos only (a submission): JPEG, PNG or WebP, at most {@link #MAX_FILES} of {@link #MAX_FILE_BYTES}. */
    static void checkPhotos(List<Upload> files) {
        check(files, false);
    }

    /** A reply's documents: photos or PDF, with the same limits. */
    static void checkDocuments(List<Upload> files) {
        check(files, true);
    }

    private static void check(List<Upload> files, boolean pdfAllowed) {
        if (files.size() > MAX_FILES) {
            throw DomainException.onField("files", "case.error.tooManyFiles", MAX_FILES);
        }
        for (Upload f : files) {
            if (typeOf(f, pdfAllowed) == null) {
                throw DomainException.onField("files", pdfAllowed ? "case.error.documentType" : "case.error.fileType",
                        safeName(f.fileName()));
            }
            if (f.data().length > MAX_FILE_BYTES) {
                throw DomainException.onField("files", "case.error.fileSize", safeName(f.fileName()),
                        MAX_FILE_BYTES / 1024 / 1024);
            }
        }
    }

    /** The type the bytes really are, if it is one we keep: a declared image type that is an image, or a PDF. */
    private static @Nullable String typeOf(Upload f, boolean pdfAllowed) {
        String declared = f.contentType() == null ? "" : f.contentType();
        if (IMAGE_TYPES.contains(declared) && Images.isImage(f.data())) {
            return declared;
        }
        if (pdfAllowed && isPdf(f.data())) {
            return PDF;
        }
        return null;
    }

    static boolean isPdf(byte[] d) {
        return d.length > 5 && d[0] == '%' && d[1] == 'P' && d[2] == 'D' && d[3] == 'F' && d[4] == '-';
    }

    /** Keeps checked files with the case (and with the step they came with); answers their names for the audit. */
    List<String> keep(long caseId, long orgId, @Nullable Long eventId, List<Upload> files) {
        List<String> names = new ArrayList<>();
        for (Upload f : files) {
            String type = typeOf(f, true);
            String name = safeName(f.fileName());
            store.addAttachment(caseId, orgId, eventId, name, type == null ? "application/octet-stream" : type,
                    f.data());
            names.add(name);
        }
        return names;
    }

    static String safeName(@Nullable String name) {
        String n = name == null ? "file" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        return n.isEmpty() ? "file" : n.length() > 200 ? n.substring(n.length() - 200) : n;
    }
}
