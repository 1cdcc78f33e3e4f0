package dev.kubefluent.dsl;

import dev.kubefluent.core.validate.Formats;
import java.util.Map;

/** Argument checks of the DSL's direct arguments; each failure names the argument, the expected form and the value. */
final class Checks {

    private Checks() {
        throw new UnsupportedOperationException("no instances");
    }

    static <T> T notNull(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return value;
    }

    static <T> T[] noNulls(T[] values, String what) {
        notNull(values, what);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new IllegalArgumentException(what + "[" + i + "] must not be null");
            }
        }
        return values;
    }

    static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    static String dns1123Label(String value, String what) {
        if (!Formats.isDns1123Label(notNull(value, what))) {
            throw new IllegalArgumentException(what + " must be a DNS-1123 label (at most 63 lower-case alphanumerics"
                    + " or '-', starting and ending alphanumeric, e.g. \"web\") but was: " + quoted(value));
        }
        return value;
    }

    static String dns1123Subdomain(String value, String what) {
        if (!Formats.isDns1123Subdomain(notNull(value, what))) {
            throw new IllegalArgumentException(what + " must be a DNS-1123 subdomain (lower-case alphanumerics, '-'"
                    + " and '.', at most 253 characters, e.g. \"web\" or \"web.v1\") but was: " + quoted(value));
        }
        return value;
    }

    static String dns1035Label(String value, String what) {
        if (!Formats.isDns1035Label(notNull(value, what))) {
            throw new IllegalArgumentException(what + " must be a DNS-1035 label (at most 63 lower-case alphanumerics"
                    + " or '-', starting with a letter, e.g. \"web\") but was: " + quoted(value));
        }
        return value;
    }

    static String portName(String value, String what) {
        if (!Formats.isIanaSvcName(notNull(value, what))) {
            throw new IllegalArgumentException(what + " must be an IANA service name (at most 15 lower-case"
                    + " alphanumerics or '-', at least one letter, no leading, trailing or double '-', e.g. \"http\")"
                    + " but was: " + quoted(value));
        }
        return value;
    }

    static int port(int value, String what) {
        if (!Formats.isPortNumber(value)) {
            throw new IllegalArgumentException(what + " must be between 1 and 65535 but was: " + value);
        }
        return value;
    }

    static long notNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative but was: " + value);
        }
        return value;
    }

    static int notNegative(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative but was: " + value);
        }
        return value;
    }

    static int positive(int value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1 but was: " + value);
        }
        return value;
    }

    static String labelKey(String key, String what) {
        if (!Formats.isQualifiedName(notNull(key, what))) {
            throw new IllegalArgumentException(what + " must be a qualified name ([prefix/]name, name at most 63"
                    + " alphanumerics, '-', '_' or '.', starting and ending alphanumeric, e.g. \"app.kubernetes.io/name\")"
                    + " but was: " + quoted(key));
        }
        return key;
    }

    static String labelValue(String value, String what) {
        if (!Formats.isLabelValue(notNull(value, what))) {
            throw new IllegalArgumentException(what + " must be a label value (empty, or at most 63 alphanumerics,"
                    + " '-', '_' or '.', starting and ending alphanumeric, e.g. \"v1.4.2\") but was: " + quoted(value));
        }
        return value;
    }

    static void labels(Map<String, String> labels, String what) {
        notNull(labels, what);
        labels.forEach((k, v) -> {
            labelKey(k, what + " key");
            labelValue(v, what + " value of " + quoted(k));
        });
    }

    static String quantity(String value, String what, String example) {
        if (!Formats.isQuantity(notNull(value, what)) || value.startsWith("-")) {
            throw new IllegalArgumentException(what + " must be a non-negative Kubernetes quantity such as "
                    + example + " but was: " + quoted(value));
        }
        return value;
    }

    static String percent(String value, String what) {
        if (!Formats.isPercent(notNull(value, what))) {
            throw new IllegalArgumentException(what + " must be a percentage such as \"25%\" but was: "
                    + quoted(value));
        }
        return value;
    }

    static String image(String value) {
        if (!Formats.isImageReference(notNull(value, "image"))) {
            throw new IllegalArgumentException("image must be an image reference [registry[:port]/]path[:tag][@digest]"
                    + " such as \"ghcr.io/acme/web:1.4.2\" but was: " + quoted(value));
        }
        return value;
    }

    static String configKey(String value, String what) {
        if (!Formats.isConfigKey(notNull(value, what))) {
            throw new IllegalArgumentException(what + " must be a ConfigMap/Secret key (alphanumerics, '-', '_' or"
                    + " '.', e.g. \"app.properties\") but was: " + quoted(value));
        }
        return value;
    }

    static String absolutePath(String value, String what) {
        if (notNull(value, what).isEmpty() || value.charAt(0) != '/') {
            throw new IllegalArgumentException(what + " must be an absolute path such as \"/ready\" but was: "
                    + quoted(value));
        }
        return value;
    }

    static String notBlank(String value, String what) {
        if (notNull(value, what).isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank but was: " + quoted(value));
        }
        return value;
    }

    private static final java.util.regex.Pattern CRON_FIELD = java.util.regex.Pattern.compile("[0-9A-Za-z*/,?LW#-]+");
    private static final java.util.Set<String> CRON_MACROS =
            java.util.Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");

    static String cronSchedule(String value) {
        notNull(value, "schedule");
        String trimmed = value.trim();
        String[] fields = trimmed.split("\\s+");
        boolean ok = CRON_MACROS.contains(trimmed)
                || trimmed.startsWith("@every ") && trimmed.length() > 7
                || fields.length == 5 && java.util.Arrays.stream(fields).allMatch(f -> CRON_FIELD.matcher(f).matches());
        if (trimmed.startsWith("TZ=") || trimmed.startsWith("CRON_TZ=")) {
            throw new IllegalArgumentException("schedule must not set a time zone with TZ= or CRON_TZ= (use"
                    + " timeZone(..)) but was: " + quoted(value));
        }
        if (!ok) {
            throw new IllegalArgumentException("schedule must be five cron fields (minute hour day-of-month month"
                    + " day-of-week, e.g. \"0 3 * * *\") or a macro such as \"@daily\" but was: " + quoted(value));
        }
        return value;
    }

    static String pathSegment(String value, String what) {
        notBlank(value, what);
        if (value.equals(".") || value.equals("..") || value.contains("/") || value.contains("%")) {
            throw new IllegalArgumentException(what + " must be a path segment (not \".\" or \"..\", no '/' or '%')"
                    + " but was: " + quoted(value));
        }
        return value;
    }

    static java.util.List<String> verbs(String... verbs) {
        noNulls(verbs, "verbs");
        if (verbs.length == 0) {
            throw new IllegalArgumentException("verbs must not be empty");
        }
        for (String v : verbs) {
            notBlank(v, "verb");
        }
        return java.util.List.of(verbs);
    }
}
