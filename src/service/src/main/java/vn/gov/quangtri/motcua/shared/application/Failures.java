package vn.gov.quangtri.motcua.shared.application;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

/** What a failure thrown through the container really is, for the REST, SOAP and exchange-log answers alike. */
public final class Failures {

    private Failures() {
    }

    /**
     * The failure without its container wrappers: EJB and rolled-back-transaction exceptions are peeled off, and a
     * persistence exception caused by an optimistic lock is that lock exception (a concurrent change).
     */
    public static Throwable unwrap(Throwable exception) {
        Throwable e = exception;
        while ((e instanceof EJBException || e.getClass().getName().endsWith("TransactionRolledbackLocalException"))
            && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof PersistenceException && e.getCause() instanceof OptimisticLockException o) {
            return o;
        }
        return e;
    }
}
