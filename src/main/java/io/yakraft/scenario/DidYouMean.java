package io.yakraft.scenario;

import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The valid names for an unknown one, with the closest one first when it is near enough to be a
 * typo ("leaderElcted" → "leaderElected", "MajorityMinority" → "majorityMinority").
 */
public final class DidYouMean {
    private DidYouMean() {
    }

    /** "(did you mean 'x'? expected one of: a, b, c)", or "(expected one of: a, b, c)" when none is close. */
    public static String hint(String got, Collection<String> valid) {
        String close = closest(got, valid);
        return "(" + (close == null ? "" : "did you mean '" + close + "'? ") + "expected one of: "
                + String.join(", ", new TreeSet<>(valid)) + ")";
    }

    /** The valid name nearest to {@code got} when it is a likely typo of it, else null. */
    public static String closest(String got, Collection<String> valid) {
        if (got == null || got.isEmpty()) {
            return null;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String v : new TreeSet<>(valid)) {
            int d = distance(got.toLowerCase(Locale.ROOT), v.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = v;
                bestDistance = d;
            }
        }
        // a typo changes a few letters: up to one in four of the name, at least one, at most three
        int allowed = Math.max(1, Math.min(3, got.length() / 4));
        return best != null && bestDistance <= allowed ? best : null;
    }

    /** Edits (insert, delete, replace, swap two neighbours) that turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
