package dev.kubefluent.testing.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the values of {@code Secret} documents in YAML text, line by line, so that a diff of two renderings never
 * shows them. The line count is kept, so the redacted lines stay aligned with the originals.
 */
final class SecretRedactor {

    static final String REDACTED = "<redacted>";

    private static final Pattern SECRET_KIND = Pattern.compile("kind:\\s*([\"']?)Secret\\1\\s*(#.*)?");
    private static final Pattern DATA_BLOCK = Pattern.compile("(data|stringData):(\\s*)(.*)");
    private static final Pattern ENTRY = Pattern.compile("(\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s:][^:]*):(\\s+.*)?");

    private SecretRedactor() {
        throw new UnsupportedOperationException("no instances");
    }

    /**
     * Returns the lines with every value under a Secret's top-level {@code data} and {@code stringData} replaced.
     *
     * @param lines the YAML lines, without line terminators
     * @return the redacted lines, as many as given
     */
    static List<String> redact(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            if (i == lines.size() || isDocumentStart(lines.get(i))) {
                if (isSecret(lines, start, i)) {
                    redactDocument(out, start, i);
                }
                start = i + 1;
            }
        }
        return out;
    }

    private static boolean isDocumentStart(String line) {
        return line.equals("---") || line.startsWith("--- ") || line.equals("---\r");
    }

    private static boolean isSecret(List<String> lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (SECRET_KIND.matcher(lines.get(i).stripTrailing()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static void redactDocument(List<String> out, int from, int to) {
        int i = from;
        while (i < to) {
            Matcher block = DATA_BLOCK.matcher(out.get(i));
            if (!block.matches()) {
                i++;
                continue;
            }
            if (!block.group(3).isBlank() && !block.group(3).startsWith("#")) {
                out.set(i, block.group(1) + ":" + block.group(2) + REDACTED);
            }
            i++;
            int entryIndent = -1;
            while (i < to && (out.get(i).isBlank() || indent(out.get(i)) > 0)) {
                String line = out.get(i);
                if (!line.isBlank()) {
                    int indent = indent(line);
                    if (entryIndent < 0) {
                        entryIndent = indent;
                    }
                    Matcher entry = ENTRY.matcher(line);
                    if (indent == entryIndent && entry.matches()) {
                        if (entry.group(3) != null && !entry.group(3).isBlank()) {
                            out.set(i, entry.group(1) + entry.group(2) + ": " + REDACTED);
                        }
                    } else {
                        out.set(i, " ".repeat(indent) + REDACTED);
                    }
                }
                i++;
            }
        }
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
