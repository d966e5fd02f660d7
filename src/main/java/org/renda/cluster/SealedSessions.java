package org.renda.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ConfigurableObjectInputStream;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * HTTP sessions live in the database (Spring Session JDBC) so that any instance serves any signed-in user; every
 * attribute is serialized and then sealed (AES-256-GCM) with {@code renda.cluster.session-key} before it is written.
 * The database thus never holds in the clear what a session carries for a moment: the sign-in slips' first passwords
 * (downloadable once), a new API token on its way to the page, the CSRF token. Every instance behind one balancer
 * needs the same key (32 bytes, Base64); without one each instance draws its own at start, so a session is good on
 * that instance only and until it stops, as the in-memory sessions were. An attribute sealed with another key opens
 * as nothing: its user is signed out, never shown an error.
 */
@Configuration(proxyBeanMethods = false)
class SealedSessions {

    private static final Logger log = LoggerFactory.getLogger(SealedSessions.class);
    private static final byte VERSION = 1;
    private static final int IV = 12;
    private static final int TAG_BITS = 128;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sealedAttributes(
            @Value("${renda.cluster.session-key:}") String key) {
        Sealer sealer = new Sealer(key(key), SealedSessions.class.getClassLoader());
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, sealer::seal);
        conversions.addConverter(byte[].class, Object.class, sealer::open);
        return repository -> repository.setConversionService(conversions);
    }

    static SecretKey key(String configured) {
        if (configured.isBlank()) {
            log.info("renda.cluster.session-key is not set: sessions are good on this instance only, until it stops");
            byte[] drawn = new byte[32];
            new SecureRandom().nextBytes(drawn);
            return new SecretKeySpec(drawn, "AES");
        }
        byte[] bytes = Base64.getDecoder().decode(configured.strip());
        if (bytes.length != 32) {
            throw new IllegalArgumentException("renda.cluster.session-key must be 32 bytes in Base64 (openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** Serializes and seals an attribute, opens and reads it back. */
    static final class Sealer {
        private final SecretKey key;
        private final ClassLoader classLoader;
        private final SecureRandom random = new SecureRandom();

        Sealer(SecretKey key, ClassLoader classLoader) {
            this.key = key;
            this.classLoader = classLoader;
        }

        byte[] seal(Object value) {
            try {
                ByteArrayOutputStream plain = new ByteArrayOutputStream(256);
                try (ObjectOutputStream out = new ObjectOutputStream(plain)) {
                    out.writeObject(value);
                }
                byte[] iv = new byte[IV];
                random.nextBytes(iv);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
                byte[] sealed = cipher.doFinal(plain.toByteArray());
                return ByteBuffer.allocate(1 + IV + sealed.length).put(VERSION).put(iv).put(sealed).array();
            } catch (IOException e) {
                // a session attribute that is not Serializable is a programming error: say which one
                throw new IllegalStateException("A session attribute cannot be stored: " + value.getClass().getName(), e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Sealing a session attribute failed", e);
            }
        }

        @Nullable Object open(byte[] stored) {
            if (stored.length <= 1 + IV || stored[0] != VERSION) {
                return null;
            }
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(stored, 1, 1 + IV)));
                byte[] plain = cipher.doFinal(stored, 1 + IV, stored.length - 1 - IV);
                try (ConfigurableObjectInputStream in = new ConfigurableObjectInputStream(new ByteArrayInputStream(plain),
                        classLoader)) {
                    return in.readObject();
                }
            } catch (GeneralSecurityException e) {
                log.debug("A session attribute sealed with another key was dropped");
                return null;
            } catch (IOException | ClassNotFoundException e) {
                log.warn("A stored session attribute could not be read back: {}", e.toString());
                return null;
            }
        }
    }
}
