package dev.charms.reactive.processor;

import dev.charms.reactive.WhenFileChanged;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code @WhenFileChanged}: file paths and a hash algorithm. The algorithm is written as Python's hashlib
 * names it ({@code md5}, {@code sha256}) or as Java does ({@code SHA-256}), in any case; generated code
 * carries the Java name.
 */
final class FileChangedStep extends AnnotationStep {
    /** The accepted algorithms: the name without hyphens, in lower case, to the Java name. */
    private static final Map<String, String> ALGORITHMS = new TreeMap<>(Map.of(
            "md5", "MD5",
            "sha1", "SHA-1",
            "sha224", "SHA-224",
            "sha256", "SHA-256",
            "sha384", "SHA-384",
            "sha512", "SHA-512"));

    FileChangedStep() {
        super(Family.FILE_CHANGED, WhenFileChanged.class);
    }

    @Override
    void read(HandlerAnnotation annotation, HandlerBuilder handler, Report report) {
        List<String> files = values(annotation, report, Messages.FILES_EMPTY);
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).isBlank()) {
                report.error(annotation.atValue("value", i), Messages.FILE_BLANK);
            }
        }
        String hash = annotation.string("hash");
        Optional<String> algorithm = javaAlgorithm(hash);
        if (algorithm.isEmpty()) {
            report.error(annotation.atValue("hash"), Messages.HASH_UNKNOWN,
                    hash, String.join(", ", ALGORITHMS.keySet()));
        }
        handler.addCondition(new Model.Condition(ConditionKind.FILE_CHANGED, files, algorithm.orElse(hash)));
    }

    /** The Java name of {@code hash} if it is accepted and this Java runtime provides it. */
    static Optional<String> javaAlgorithm(String hash) {
        String javaName = ALGORITHMS.get(hash.replace("-", "").toLowerCase(Locale.ROOT));
        if (javaName == null) {
            return Optional.empty();
        }
        try {
            MessageDigest.getInstance(javaName);
            return Optional.of(javaName);
        } catch (NoSuchAlgorithmException unavailable) {
            return Optional.empty();
        }
    }
}
