package vn.thidua.web.problem;

/** A service answered 4xx or 5xx; the page decides what to show (a form keeps its input and shows the problem). */
public class ServiceException extends RuntimeException {
    private final ServiceProblem problem;

    public ServiceException(ServiceProblem problem) {
        super("service answered " + problem.status() + " " + problem.code());
        this.problem = problem;
    }

    public ServiceProblem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }
}
