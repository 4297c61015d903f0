package org.guanjia.bankdebit;

import java.util.List;

/** A result file refused as a whole, with every problem found in it; nothing was written. */
public class ResultFileException extends RuntimeException {

    private final transient List<FileProblem> problems;

    public ResultFileException(List<FileProblem> problems) {
        super(problems.size() + " problem(s): " + problems.stream().limit(20)
                .map(FileProblem::toString).reduce((a, b) -> a + "; " + b).orElse(""));
        this.problems = List.copyOf(problems);
    }

    public List<FileProblem> problems() {
        return problems;
    }
}
