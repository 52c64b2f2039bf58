package vn.gov.quangtri.motcua.shared.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Which database a persistence unit runs on, for the few statements written for PostgreSQL (an upsert with
 * {@code RETURNING}, a planner setting) where H2 keeps the portable form.
 */
public final class Databases {

    /** Per persistence unit (weakly: a redeployment's unit is not kept). */
    private static final Map<EntityManagerFactory, Boolean> POSTGRESQL =
        Collections.synchronizedMap(new WeakHashMap<>());

    private Databases() {
    }

    /**
     * Whether the entity manager's unit runs on PostgreSQL, asked once per unit from the JDBC metadata of the
     * caller's transaction's connection (the connection is not closed here).
     *
     * @return false as well when no connection can be had (outside a transaction): the portable statements are
     *         right everywhere, only slower
     * @throws PersistenceException when the metadata cannot be read
     */
    public static boolean isPostgreSql(EntityManager em) {
        EntityManagerFactory unit = em.getEntityManagerFactory();
        Boolean known = POSTGRESQL.get(unit);
        if (known == null) {
            Connection c = em.unwrap(Connection.class);
            if (c == null) {
                return false;
            }
            try {
                known = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
            } catch (SQLException e) {
                throw new PersistenceException("cannot tell the database product", e);
            }
            POSTGRESQL.put(unit, known);
        }
        return known;
    }
}
