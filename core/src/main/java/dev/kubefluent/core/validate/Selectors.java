package dev.kubefluent.core.validate;

import static dev.kubefluent.core.validate.Util.list;
import static dev.kubefluent.core.validate.Util.map;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/** Label selectors: their syntax, and whether they match a set of labels. */
final class Selectors {

    private Selectors() {
    }

    static boolean isEmpty(LabelSelector s) {
        return s == null || map(s.getMatchLabels()).isEmpty() && list(s.getMatchExpressions()).isEmpty();
    }

    /** Checks keys, values and operators of a selector at {@code path} (e.g. {@code spec.selector}). */
    static void check(Findings f, LabelSelector s, String path) {
        if (s == null) {
            return;
        }
        MetadataRules.labels(f, s.getMatchLabels(), path + ".matchLabels");
        List<LabelSelectorRequirement> exprs = list(s.getMatchExpressions());
        for (int i = 0; i < exprs.size(); i++) {
            LabelSelectorRequirement r = exprs.get(i);
            String p = path + ".matchExpressions[" + i + "]";
            if (!Formats.isQualifiedName(r.getKey())) {
                f.add(Rule.LABEL_KEY_INVALID, p + ".key", "must be a qualified name ([prefix/]name)", r.getKey());
            }
            List<String> values = list(r.getValues());
            String op = r.getOperator();
            if ("In".equals(op) || "NotIn".equals(op)) {
                if (values.isEmpty()) {
                    f.add(Rule.SELECTOR_INVALID, p + ".values", "must not be empty for operator " + op, values);
                }
            } else if ("Exists".equals(op) || "DoesNotExist".equals(op)) {
                if (!values.isEmpty()) {
                    f.add(Rule.SELECTOR_INVALID, p + ".values", "must be empty for operator " + op, values);
                }
            } else {
                f.add(Rule.SELECTOR_INVALID, p + ".operator", "must be one of In, NotIn, Exists, DoesNotExist", op);
            }
            for (int j = 0; j < values.size(); j++) {
                if (!Formats.isLabelValue(values.get(j))) {
                    f.add(Rule.LABEL_VALUE_INVALID, p + ".values[" + j + "]",
                            "must be a valid label value (at most 63 alphanumerics, '-', '_' or '.')", values.get(j));
                }
            }
        }
    }

    /** Whether a selector selects the given labels; a {@code null} or empty selector matches nothing here. */
    static boolean matches(LabelSelector s, Map<String, String> labels) {
        if (isEmpty(s)) {
            return false;
        }
        Map<String, String> l = map(labels);
        for (Map.Entry<String, String> e : map(s.getMatchLabels()).entrySet()) {
            if (!e.getValue().equals(l.get(e.getKey()))) {
                return false;
            }
        }
        for (LabelSelectorRequirement r : list(s.getMatchExpressions())) {
            String v = l.get(r.getKey());
            List<String> values = list(r.getValues());
            boolean ok = switch (r.getOperator() == null ? "" : r.getOperator()) {
                case "In" -> v != null && values.contains(v);
                case "NotIn" -> v == null || !values.contains(v);
                case "Exists" -> v != null;
                case "DoesNotExist" -> v == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether a map selector (a Service's {@code spec.selector}) selects the given labels. */
    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        if (selector == null || selector.isEmpty()) {
            return false;
        }
        Map<String, String> l = map(labels);
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(l.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
