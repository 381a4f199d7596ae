package vn.thidua.web.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The first page: what this person can do here. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {
    private final Template home;

    public HomeResource(@Location("home.html") Template home) {
        this.home = home;
    }

    @GET
    public TemplateInstance home() {
        return home.instance();
    }
}
