package org.renda.shared;

/** Checks that uploaded bytes are the image they claim to be (magic numbers), not a renamed file. */
public final class Images {

    private Images() {}

    /** True if the bytes are the kind of image the content type names (JPEG, PNG or WebP). */
    public static boolean looksLike(String contentType, byte[] d) {
        return switch (contentType) {
            case "image/jpeg" -> d.length > 3 && (d[0] & 0xff) == 0xff && (d[1] & 0xff) == 0xd8 && (d[2] & 0xff) == 0xff;
            case "image/png" -> d.length > 8 && (d[0] & 0xff) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G';
            case "image/webp" -> d.length > 12 && d[0] == 'R' && d[1] == 'I' && d[2] == 'F' && d[3] == 'F'
                    && d[8] == 'W' && d[9] == 'E' && d[10] == 'B' && d[11] == 'P';
            default -> false;
        };
    }

    /** True if the bytes are a JPEG, PNG or WebP image, whatever type was declared. */
    public static boolean isImage(byte[] d) {
        return looksLike("image/jpeg", d) || looksLike("image/png", d) || looksLike("image/webp", d);
    }
}
