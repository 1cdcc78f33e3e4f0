package dev.kubefluent.core.validate;

import dev.kubefluent.core.ResourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a {@link ValidationReport} as text for people and as JSON for tools. */
final class ReportWriter {

    private ReportWriter() {
    }

    static String text(List<Violation> violations) {
        if (violations.isEmpty()) {
            return "No violations.\n";
        }
        Map<ResourceRef, List<Violation>> byResource = new LinkedHashMap<>();
        long errors = 0;
        for (Violation v : violations) {
            byResource.computeIfAbsent(v.resource(), k -> new ArrayList<>()).add(v);
            if (v.isError()) {
                errors++;
            }
        }
        long warnings = violations.size() - errors;
        StringBuilder sb = new StringBuilder();
        sb.append(count(errors, "error")).append(", ").append(count(warnings, "warning")).append(" in ")
                .append(count(byResource.size(), "resource")).append('\n');
        for (Map.Entry<ResourceRef, List<Violation>> e : byResource.entrySet()) {
            ResourceRef ref = e.getKey();
            sb.append('\n').append(ref.kind()).append(' ').append(ref.qualifiedName()).append('\n');
            String prefix = ref + ": ";
            for (Violation v : e.getValue()) {
                String message = v.message().startsWith(prefix) ? v.message().substring(prefix.length()) : v.message();
                sb.append("  ").append(v.isError() ? "ERROR  " : "WARNING").append(' ').append(message)
                        .append("  [").append(v.ruleId()).append(", ").append(source(v.source())).append(" since ")
                        .append(v.since()).append("]\n");
                if (v.hint() != null) {
                    sb.append("          fix: ").append(v.hint()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String source(RuleSource s) {
        return switch (s) {
            case API_SERVER -> "API server";
            case POD_SECURITY -> "Pod Security";
            case KUBEFLUENT -> "Kubefluent";
        };
    }

    static String json(List<Violation> violations) {
        long errors = violations.stream().filter(Violation::isError).count();
        StringBuilder sb = new StringBuilder(128 + violations.size() * 256);
        sb.append("{\"errors\":").append(errors).append(",\"warnings\":").append(violations.size() - errors)
                .append(",\"violations\":[");
        for (int i = 0; i < violations.size(); i++) {
            Violation v = violations.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append('{');
            field(sb, "kind", v.resource().kind()).append(',');
            field(sb, "namespace", v.resource().namespace()).append(',');
            field(sb, "name", v.resource().name()).append(',');
            field(sb, "path", v.path()).append(',');
            field(sb, "ruleId", v.ruleId()).append(',');
            field(sb, "severity", v.severity().name()).append(',');
            field(sb, "source", v.source().name()).append(',');
            field(sb, "since", v.since().toString()).append(',');
            field(sb, "message", v.message()).append(',');
            field(sb, "hint", v.hint());
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    private static StringBuilder field(StringBuilder sb, String name, String value) {
        sb.append('"').append(name).append("\":");
        if (value == null) {
            return sb.append("null");
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
