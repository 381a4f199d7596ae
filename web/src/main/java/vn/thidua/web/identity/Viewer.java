package vn.thidua.web.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Set;

/**
 * Who is looking at the page: name, realm roles and, for a unit head, the {@code unit} claim.
 * The pages use it to show only what the person may do; the services check the same token on
 * every call, so the pages never grant anything themselves.
 */
@RequestScoped
@Named("viewer")
public class Viewer {
    public static final String OFFICER = "officer";
    public static final String UNIT_HEAD = "unit-head";
    public static final String AUDITOR = "auditor";

    private final CurrentSession session;

    public Viewer(CurrentSession session) {
        this.session = session;
    }

    private Tokens tokens() {
        Tokens t = session.tokens();
        if (t == null) {
            throw new Refused("Bạn chưa đăng nhập.");
        }
        return t;
    }

    public String username() {
        return tokens().username();
    }

    public Set<String> roles() {
        return tokens().roles();
    }

    public boolean officer() {
        return roles().contains(OFFICER);
    }

    public boolean unitHead() {
        return roles().contains(UNIT_HEAD) && unit() != null;
    }

    public boolean auditor() {
        return roles().contains(AUDITOR);
    }

    /** The unit a unit head leads, or null. */
    public String unit() {
        return tokens().unit();
    }

    /** Whether the person may change a unit's roster, records and acknowledgements: its head, or the officer. */
    public boolean mayWriteUnit(String unitCode) {
        return officer() || (roles().contains(UNIT_HEAD) && unitCode != null && unitCode.equals(unit()));
    }

    /** Refuses a unit's pages to anyone but its head and the officer (the services would refuse the calls too). */
    public void requireUnit(String unitCode) {
        if (!mayWriteUnit(unitCode)) {
            throw new Refused("Trang này dành cho trưởng đơn vị " + unitCode + " và cán bộ phụ trách thi đua."
                    + (unit() != null ? " Bạn là trưởng đơn vị " + unit() + "." : ""));
        }
    }

    /** Refuses an officer's page to anyone else. */
    public void requireOfficer() {
        if (!officer()) {
            throw new Refused("Trang này dành cho cán bộ phụ trách thi đua, khen thưởng.");
        }
    }

    /** A page the person may not see; shown as a 403 page in Vietnamese. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }
}
