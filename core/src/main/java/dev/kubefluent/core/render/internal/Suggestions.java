package dev.kubefluent.core.render.internal;

import java.util.Collection;
import java.util.Locale;

/**
 * Finds the known name closest to a misspelt one, for "did you mean" hints: the smallest optimal-string-alignment
 * distance (insertions, deletions, substitutions and swaps of adjacent letters), at most 2 and less than half the
 * length of the name; ties go to the alphabetically first name.
 *
 * <p>Not API.
 */
final class Suggestions {

    private Suggestions() {
    }

    /**
     * Returns the closest candidate.
     *
     * @param name       the unknown name, e.g. {@code contianers}
     * @param candidates the known names
     * @return the suggestion, e.g. {@code containers}, or {@code null} if none is close
     */
    static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.min(2, Math.max(1, (name.length() - 1) / 2));
        for (String candidate : candidates) {
            int d = candidate.equalsIgnoreCase(name) ? 0 : distance(name.toLowerCase(Locale.ROOT),
                    candidate.toLowerCase(Locale.ROOT));
            if (d <= limit && (d < bestDistance || d == bestDistance && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The optimal string alignment distance between two strings. */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }
}
