package vn.thidua.evaluation.facts;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What is built on the facts (the score tables): told, in the transaction that stored them, which
 * facts are new, so that it changes what they change and commits with them.
 */
public interface FactsListener {
    void applied(NewFacts facts, Connection connection) throws SQLException;
}
