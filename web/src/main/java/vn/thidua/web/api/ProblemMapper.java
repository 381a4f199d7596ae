package vn.thidua.web.api;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;
import vn.thidua.web.problem.ServiceException;
import vn.thidua.web.problem.ServiceProblem;

/** Every 4xx/5xx answer of a service becomes a {@link ServiceException} carrying its problem+json. */
public class ProblemMapper implements ResponseExceptionMapper<ServiceException> {
    @Override
    public ServiceException toThrowable(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : null;
        return new ServiceException(ServiceProblem.parse(response.getStatus(), body));
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
