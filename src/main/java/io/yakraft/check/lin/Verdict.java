package io.yakraft.check.lin;

import java.util.List;

/**
 * The checker's answer for a history: how much it checked, and for every key whose operations
 * cannot be linearized a minimal offending sub-history explained in words. {@code undecided}
 * names keys whose search ran out of its step budget (neither proven nor refuted).
 */
public record Verdict(int operations, int keys, long pending, List<NonLinearizable> violations, List<String> undecided) {
    public Verdict {
        violations = List.copyOf(violations);
        undecided = List.copyOf(undecided);
    }

    /** One key's operations that no sequential order respecting real time can explain. */
    public record NonLinearizable(String key, List<Operation> operations, String explanation) {
        public NonLinearizable {
            operations = List.copyOf(operations);
        }
    }

    /** True when no key is refuted (an undecided key is not a violation; see {@link #undecided}). */
    public boolean linearizable() {
        return violations.isEmpty();
    }

    /** One paragraph per violation, or a line saying the history is linearizable. */
    public String describe() {
        if (violations.isEmpty()) {
            return operations + " operation(s) over " + keys + " key(s) (" + pending + " pending) are linearizable"
                    + (undecided.isEmpty() ? "" : "; undecided within the search budget: " + undecided);
        }
        StringBuilder b = new StringBuilder();
        for (NonLinearizable v : violations) {
            b.append(v.explanation()).append('\n');
        }
        return b.toString().stripTrailing();
    }
}
