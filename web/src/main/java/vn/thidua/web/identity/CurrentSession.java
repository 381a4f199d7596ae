package vn.thidua.web.identity;

import jakarta.enterprise.context.RequestScoped;

/** The signed-in person's tokens for this request, set by {@link SessionFilter}. */
@RequestScoped
public class CurrentSession {
    private Tokens tokens;

    void set(Tokens tokens) {
        this.tokens = tokens;
    }

    /** The tokens, or null on the open paths (sign-in, health). */
    public Tokens tokens() {
        return tokens;
    }
}
