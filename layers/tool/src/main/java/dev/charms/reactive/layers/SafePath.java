package dev.charms.reactive.layers;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Guards the charm's boundary: every path that comes from a layer or an archive goes through here before it is
 * used, so nothing can be written or linked outside the charm directory.
 */
public final class SafePath {

    private SafePath() {
    }

    /**
     * Checks that {@code path} is a relative path with {@code /} separators that stays inside its root: not
     * empty, not absolute, no {@code .} or {@code ..} segment, no backslash or NUL. Returns the path unchanged.
     *
     * @param origin where the path came from (a layer file, a jar entry), named in the error
     * @throws LayerToolException naming {@code origin} and the path when it could escape
     */
    public static String check(String path, String origin) {
        String problem = problem(path);
        if (problem != null) {
            throw new LayerToolException(origin + ": path \"" + path + "\" " + problem
                    + "; a layer may only contain paths inside the charm");
        }
        return path;
    }

    /**
     * Checks a symbolic link at {@code linkPath} (relative to the charm root) pointing at {@code target}, with
     * Juju's rule: the target must be relative and must stay inside the charm. Returns the problem in Juju's
     * words, or null when the link is fine.
     */
    public static String linkProblem(String linkPath, String target) {
        if (target.startsWith("/")) {
            return "symlink \"" + linkPath + "\" is absolute: \"" + target + "\"";
        }
        Deque<String> resolved = new ArrayDeque<>();
        String[] linkSegments = linkPath.split("/");
        for (int i = 0; i < linkSegments.length - 1; i++) {
            resolved.addLast(linkSegments[i]);
        }
        for (String segment : target.split("/")) {
            if (segment.equals("..")) {
                if (resolved.isEmpty()) {
                    return "symlink \"" + linkPath + "\" links out of charm: \"" + target + "\"";
                }
                resolved.removeLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                resolved.addLast(segment);
            }
        }
        return null;
    }

    private static String problem(String path) {
        if (path.isEmpty()) {
            return "is empty";
        }
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            return "is absolute";
        }
        if (path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            return "contains a backslash or NUL character";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return "contains \"..\"";
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return "has an empty or \".\" segment";
            }
        }
        return null;
    }
}
