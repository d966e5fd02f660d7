package org.renda.shared.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * An Ed25519 key pair in a file: two Base64 lines, the private key (PKCS#8) then the public key (X.509).
 * The file is created on first use; back it up, a lost key cannot sign again under the same fingerprint.
 */
public final class KeyFile {

    private KeyFile() {}

    /** Reads the key pair from the file, or creates the file with a new pair when it does not exist. */
    public static KeyPair loadOrCreate(Path file, String purpose) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
                PrivateKey priv = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0))));
                PublicKey pub = factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(1))));
                return new KeyPair(pub, priv);
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.write(file, List.of(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())), StandardCharsets.US_ASCII);
            return pair;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("The " + purpose + " at " + file.toAbsolutePath() + " cannot be used", e);
        }
    }
}
