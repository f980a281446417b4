package io.yakraft.scenario;

import java.util.List;

/**
 * Predict, then reveal: a question the lesson asks before it shows the answer. {@code answer}
 * indexes {@code choices}; {@code explain} is shown with the answer. A later expectation with
 * {@code "proves": id} is what shows the answer was right.
 */
public record Question(String id, String text, List<String> choices, int answer, String explain) {
    public Question {
        choices = List.copyOf(choices);
        if (answer < 0 || answer >= choices.size()) {
            throw new IllegalArgumentException("'answer' " + answer + " is not the index of one of the " + choices.size() + " choices");
        }
    }

    /** What a reader sees once the question is answered: the right choice and why. */
    public String reveal() {
        return "Answer: " + choices.get(answer) + ". " + explain;
    }
}
