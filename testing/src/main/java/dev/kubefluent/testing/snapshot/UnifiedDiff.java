package dev.kubefluent.testing.snapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A unified diff ({@code diff -u}, three lines of context) between a stored snapshot and new output, computed with
 * Myers' algorithm on lines. Secret values are redacted in what is shown, never in what is compared.
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;

    /** Above this many cells of search state the diff falls back to replacing the whole file. */
    private static final long MAX_TRACE_CELLS = 20_000_000L;

    private enum Op { EQUAL, DELETE, INSERT }

    private record Edit(Op op, int a, int b) {
    }

    private UnifiedDiff() {
        throw new UnsupportedOperationException("no instances");
    }

    /**
     * Returns the diff from {@code expected} to {@code actual}.
     *
     * @param label    the name shown for the expected side, usually the snapshot file
     * @param expected the stored text
     * @param actual   the new text
     * @return the diff text, headers included
     */
    static String between(String label, String expected, String actual) {
        List<String> a = lines(expected);
        List<String> b = lines(actual);
        List<String> shownA = SecretRedactor.redact(strip(a));
        List<String> shownB = SecretRedactor.redact(strip(b));
        List<Edit> edits = edits(a, b);
        StringBuilder out = new StringBuilder("--- ").append(label).append('\n').append("+++ actual output").append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op == Op.EQUAL) {
                i++;
                continue;
            }
            int first = Math.max(0, i - CONTEXT);
            int last = i;
            int j = i;
            while (j < edits.size()) {
                if (edits.get(j).op != Op.EQUAL) {
                    last = j;
                } else if (j - last > 2 * CONTEXT) {
                    break;
                }
                j++;
            }
            int end = Math.min(edits.size() - 1, last + CONTEXT);
            appendHunk(out, edits.subList(first, end + 1), a, b, shownA, shownB);
            i = end + 1;
        }
        if (expected.replace("\r\n", "\n").equals(actual.replace("\r\n", "\n"))) {
            out.append("(the snapshot and the output differ only in line endings, CRLF versus LF)\n");
        }
        return out.toString().stripTrailing();
    }

    private static void appendHunk(StringBuilder out, List<Edit> hunk, List<String> a, List<String> b,
            List<String> shownA, List<String> shownB) {
        int aCount = 0;
        int bCount = 0;
        for (Edit e : hunk) {
            aCount += e.op == Op.INSERT ? 0 : 1;
            bCount += e.op == Op.DELETE ? 0 : 1;
        }
        Edit head = hunk.get(0);
        out.append("@@ -").append(aCount == 0 ? head.a : head.a + 1).append(',').append(aCount)
                .append(" +").append(bCount == 0 ? head.b : head.b + 1).append(',').append(bCount).append(" @@\n");
        for (Edit e : hunk) {
            switch (e.op) {
                case EQUAL -> appendLine(out, ' ', a.get(e.a), shownA.get(e.a));
                case DELETE -> appendLine(out, '-', a.get(e.a), shownA.get(e.a));
                case INSERT -> appendLine(out, '+', b.get(e.b), shownB.get(e.b));
                default -> throw new IllegalStateException("unknown edit " + e.op);
            }
        }
    }

    private static void appendLine(StringBuilder out, char sign, String line, String shown) {
        out.append(sign).append(shown).append('\n');
        if (!line.endsWith("\n")) {
            out.append("\\ No newline at end of file\n");
        }
    }

    /** Splits text into lines that keep their terminator, so that a missing final newline is a difference. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static List<String> strip(List<String> lines) {
        return lines.stream().map(l -> l.endsWith("\r\n") ? l.substring(0, l.length() - 2)
                : l.endsWith("\n") ? l.substring(0, l.length() - 1) : l).toList();
    }

    /** Myers' O((N+M)D) shortest edit script, kept as the list of edits in order. */
    private static List<Edit> edits(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= max; d++) {
            if ((long) (d + 1) * v.length > MAX_TRACE_CELLS) {
                return replaceAll(n, m);
            }
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
                        : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    return backtrack(trace, offset, n, m);
                }
            }
        }
        return replaceAll(n, m);
    }

    private static List<Edit> backtrack(List<int[]> trace, int offset, int n, int m) {
        List<Edit> edits = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = trace.size() - 1; d >= 0; d--) {
            int[] v = trace.get(d);
            int k = x - y;
            int prevK = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? k + 1 : k - 1;
            int prevX = v[offset + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                edits.add(new Edit(Op.EQUAL, x - 1, y - 1));
                x--;
                y--;
            }
            if (d > 0) {
                edits.add(x == prevX ? new Edit(Op.INSERT, x, y - 1) : new Edit(Op.DELETE, x - 1, y));
            }
            x = prevX;
            y = prevY;
        }
        Collections.reverse(edits);
        return edits;
    }

    private static List<Edit> replaceAll(int n, int m) {
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            edits.add(new Edit(Op.DELETE, i, 0));
        }
        for (int j = 0; j < m; j++) {
            edits.add(new Edit(Op.INSERT, n, j));
        }
        return edits;
    }
}
