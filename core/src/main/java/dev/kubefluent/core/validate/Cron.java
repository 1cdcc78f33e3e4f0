package dev.kubefluent.core.validate;

import java.util.Set;

/** The cron grammar of robfig/cron's standard parser, which the CronJob controller uses. */
final class Cron {

    private static final Set<String> DESCRIPTORS =
            Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");
    private static final int[][] RANGES = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 6}};
    private static final String[] MONTHS =
            {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    private static final String[] DAYS = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

    private Cron() {
    }

    static boolean isValid(String schedule) {
        if (schedule == null || schedule.isBlank()) {
            return false;
        }
        String s = schedule.trim();
        if (s.startsWith("@")) {
            return DESCRIPTORS.contains(s) || s.startsWith("@every ") && s.length() > 7;
        }
        String[] fields = s.split("\\s+");
        if (fields.length != 5) {
            return false;
        }
        for (int i = 0; i < 5; i++) {
            if (!field(fields[i], i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean field(String field, int index) {
        for (String part : field.split(",", -1)) {
            if (!part(part, index)) {
                return false;
            }
        }
        return true;
    }

    private static boolean part(String part, int index) {
        String range = part;
        int slash = part.indexOf('/');
        if (slash >= 0) {
            range = part.substring(0, slash);
            Integer step = number(part.substring(slash + 1), -1);
            if (step == null || step <= 0) {
                return false;
            }
        }
        if (range.equals("*") || range.equals("?") && (index == 2 || index == 4)) {
            return true;
        }
        int dash = range.indexOf('-');
        Integer lo = number(dash >= 0 ? range.substring(0, dash) : range, index);
        Integer hi = dash >= 0 ? number(range.substring(dash + 1), index) : lo;
        int min = RANGES[index][0];
        int max = RANGES[index][1];
        return lo != null && hi != null && lo >= min && hi <= max && lo <= hi;
    }

    private static Integer number(String s, int index) {
        if (s.isEmpty()) {
            return null;
        }
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (index == 3) {
            for (int i = 0; i < MONTHS.length; i++) {
                if (MONTHS[i].equals(lower)) {
                    return i + 1;
                }
            }
        } else if (index == 4) {
            for (int i = 0; i < DAYS.length; i++) {
                if (DAYS[i].equals(lower)) {
                    return i;
                }
            }
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return null;
            }
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
