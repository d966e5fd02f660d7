package org.renda.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Message-ID of a notification e-mail, derived from its dedupe key and recipient: every attempt of
 * the same notification carries the same id, so a copy sent again after a crash is recognisable as the
 * same message (mail clients and archives fold it). Hashed, so the key itself is not disclosed.
 */
final class MessageIds {

    private MessageIds() {}

    static String of(String dedupeKey, long recipientUserId, String domain) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((dedupeKey + "\n" + recipientUserId).getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 20) + ".notification@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
