package vn.thidua.web.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.thidua.web.identity.Issuer;
import vn.thidua.web.identity.Viewer;
import vn.thidua.web.problem.ServiceException;

/** Refusals and failures as clear pages in Vietnamese, never a stack trace. */
public class ErrorPages {
    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final Template error;
    private final Template plain;

    public ErrorPages(@Location("error.html") Template error, @Location("error-plain.html") Template plain) {
        this.error = error;
        this.plain = plain;
    }

    @ServerExceptionMapper
    public Response service(ServiceException e) {
        return switch (e.status()) {
            case 401 -> page(401, plain, "Phiên đăng nhập đã hết hạn",
                    "Dịch vụ không nhận phiên đăng nhập của bạn (có thể đã hết hạn). Hãy đăng nhập lại.", null);
            case 403 -> page(403, error, "Không có quyền",
                    "Tài khoản của bạn không được làm việc này. Cán bộ thi đua quản lý phong trào, đơn vị và chốt bình xét; "
                            + "trưởng đơn vị chỉ làm việc với đơn vị của mình; kiểm toán viên chỉ xem.", e.problem().detail());
            case 404 -> page(404, error, "Không tìm thấy", "Không có dữ liệu được yêu cầu.", e.problem().detail());
            default -> page(e.status() >= 500 ? 502 : e.status(), error, "Dịch vụ không thực hiện được",
                    "Dịch vụ trả lời mã " + e.status() + ". Hãy thử lại sau ít phút.", e.problem().detail());
        };
    }

    @ServerExceptionMapper
    public Response refused(Viewer.Refused e) {
        return page(403, error, "Không có quyền", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response signIn(Issuer.SignInFailed e) {
        LOG.warnf("sign-in failed: %s", e.getMessage());
        return page(502, plain, "Chưa đăng nhập được", "Không hoàn tất được việc đăng nhập. Hãy thử lại.", null);
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("a service cannot be reached: %s", e.getMessage());
        return page(503, error, "Dịch vụ chưa sẵn sàng", "Một dịch vụ của hệ thống không trả lời. Hãy thử lại sau ít phút.", null);
    }

    private static Response page(int status, Template template, String heading, String message, String detail) {
        String html = template.data("heading", heading).data("message", message).data("detail", detail).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
