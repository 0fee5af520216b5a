package dev.charms.reactive.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Hashes the files {@code @WhenFileChanged} handlers watch. */
@FunctionalInterface
public interface FileDigests {

    /**
     * The hex digest of the file's content, or empty when the file does not exist.
     *
     * @param file the path as written in the annotation
     * @param algorithm {@code md5}, {@code sha1}, {@code sha256}, ... or any {@link MessageDigest} name
     * @throws IllegalArgumentException for an unknown algorithm, naming it
     * @throws UncheckedIOException when the file exists but cannot be read
     */
    Optional<String> digest(String file, String algorithm);

    /** Digests of files on disk, relative paths resolved against {@code root} (the charm directory). */
    static FileDigests under(Path root) {
        return (file, algorithm) -> {
            MessageDigest digest = messageDigest(algorithm);
            try (InputStream in = new DigestInputStream(Files.newInputStream(root.resolve(file)), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + root.resolve(file) + " to hash it", e);
            }
            return Optional.of(HexFormat.of().formatHex(digest.digest()));
        };
    }

    /** The digest for a Python-style ({@code sha256}) or Java-style ({@code SHA-256}) algorithm name. */
    private static MessageDigest messageDigest(String algorithm) {
        Map<String, String> pythonNames = Map.of("md5", "MD5", "sha1", "SHA-1", "sha224", "SHA-224",
                "sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512");
        String name = pythonNames.getOrDefault(algorithm.toLowerCase(Locale.ROOT), algorithm);
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("unknown hash algorithm \"" + algorithm
                    + "\" in @WhenFileChanged; use md5, sha1, sha256, sha512 or another MessageDigest name", e);
        }
    }
}
