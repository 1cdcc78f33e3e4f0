package dev.kubefluent.testing.assertions;

/** Argument checks: a bad argument is a bug in the test, reported as an {@link IllegalArgumentException}. */
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

    static String notBlank(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank but was: "
                    + (value == null ? "null" : "\"" + value + "\""));
        }
        return value;
    }
}
