package org.renda.shared.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
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

    /**
     * Reads the key pair from the file, or creates the file with a new pair when it does not exist. Several
     * instances starting together over one shared directory agree on one key: each writes its pair to a file of
     * its own (readable by its owner alone where the file system has POSIX permissions), then links it into place
     * only if no file is there yet; the instances that lose read the winner's file, always whole.
     */
    public static KeyPair loadOrCreate(Path file, String purpose) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Path draft = ownerOnly(dir == null ? Path.of(".") : dir, file.getFileName().toString());
            try {
                Files.write(draft, List.of(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                        Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())), StandardCharsets.US_ASCII,
                        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
                if (place(draft, file)) {
                    return pair;
                }
                return read(file); // another instance placed its key first: this one is never used
            } finally {
                Files.deleteIfExists(draft);
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("The " + purpose + " at " + file.toAbsolutePath() + " cannot be used", e);
        }
    }

    private static KeyPair read(Path file) throws IOException, GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        PrivateKey priv = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0))));
        PublicKey pub = factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(1))));
        return new KeyPair(pub, priv);
    }

    /** A new empty file beside the key, rw for its owner alone where POSIX permissions exist. */
    private static Path ownerOnly(Path dir, String name) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, name + ".", ".new",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(dir, name + ".", ".new");
    }

    /** Puts the draft in place unless a file is already there: a hard link fails on an existing name, atomically. */
    private static boolean place(Path draft, Path file) throws IOException {
        try {
            Files.createLink(file, draft);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException e) {
            if (Files.exists(file)) {
                return false;
            }
            try { // no hard links here (some network file systems): a move that refuses to replace
                Files.move(draft, file);
                return true;
            } catch (FileAlreadyExistsException lost) {
                return false;
            }
        }
    }
}
