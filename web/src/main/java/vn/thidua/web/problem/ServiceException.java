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

    /** A form's field refused by the web itself ({@link ServiceProblem#fieldRefused}). */
    public static ServiceException fieldRefused(String field, String message) {
        return new ServiceException(ServiceProblem.fieldRefused(field, message));
    }

    /** Whether the person is not signed in (401) or may not do this (403): the page's matter, never shown beside a form's field. */
    public boolean accessRefused() {
        return status() == 401 || status() == 403;
    }
}
