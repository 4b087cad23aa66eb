package org.acuteflow.config;

import java.util.List;

/** Bad user input: the command line reports every problem and exits with code 2, without a stack trace. */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<InputProblem> problems;

    public InputException(List<InputProblem> problems) {
        super(render(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InputException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InputException(InputProblem problem) {
        this(List.of(problem));
    }

    public static InputException of(String file, int line, String field, String message) {
        return new InputException(new InputProblem(file, line, 0, field, message));
    }

    public List<InputProblem> problems() {
        return problems;
    }

    private static String render(List<InputProblem> problems) {
        StringBuilder sb = new StringBuilder();
        for (InputProblem p : problems) {
            if (sb.length() > 0) {
                sb.append(System.lineSeparator());
            }
            sb.append(p);
        }
        return sb.toString();
    }
}
