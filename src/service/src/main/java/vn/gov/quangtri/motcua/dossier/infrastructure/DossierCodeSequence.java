package vn.gov.quangtri.motcua.dossier.infrastructure;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Date;
import java.time.LocalDate;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.Databases;

/**
 * Allocates the daily sequence number XXXX of dossier codes per receiving unit and date
 * (Circular 01/2018/TT-VPCP art. 19) atomically in the database: the counter row is incremented under
 * its row lock inside the receiving transaction, so two desks receiving at the same second get
 * different numbers, and a number is only consumed when the dossier is actually stored (docs/cases.md C22).
 */
@Stateless
public class DossierCodeSequence {

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @EJB
    private DossierCodeSequence self;

    /**
     * Takes the next number for a unit and day, in the caller's transaction.
     *
     * @param unitEdocCode electronic identifier of the receiving unit
     * @param day          Vietnam-local date of registration
     * @return 1, 2, … (the caller rejects values above 9999)
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int next(String unitEdocCode, LocalDate day) {
        if (Databases.isPostgreSql(em)) { // one upsert; H2: update, else create the row, then read
            // one round trip, and the first dossier of the day needs no second transaction: the row lock is
            // taken here and held until the caller commits (issue 12's profile: intakes queue on this row)
            Number value = (Number) em.createNativeQuery(
                    "INSERT INTO dossier_code_sequence (unit_edoc_code, code_date, last_number) VALUES (?, ?, 1)"
                        + " ON CONFLICT (unit_edoc_code, code_date)"
                        + " DO UPDATE SET last_number = dossier_code_sequence.last_number + 1 RETURNING last_number")
                .setParameter(1, unitEdocCode).setParameter(2, Date.valueOf(day)).getSingleResult();
            return value.intValue();
        }
        if (increment(unitEdocCode, day) == 0) {
            self.createRow(unitEdocCode, day);
            if (increment(unitEdocCode, day) == 0) {
                throw new IllegalStateException("dossier code counter row missing for " + unitEdocCode + " " + day);
            }
        }
        Number value = (Number) em.createNativeQuery(
                "SELECT last_number FROM dossier_code_sequence WHERE unit_edoc_code = ? AND code_date = ?")
            .setParameter(1, unitEdocCode).setParameter(2, Date.valueOf(day)).getSingleResult();
        return value.intValue();
    }

    /**
     * Creates the day's counter row in its own transaction; a row created meanwhile by another desk is fine.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void createRow(String unitEdocCode, LocalDate day) {
        try {
            em.createNativeQuery("INSERT INTO dossier_code_sequence (unit_edoc_code, code_date, last_number) VALUES (?, ?, 0)")
                .setParameter(1, unitEdocCode).setParameter(2, Date.valueOf(day)).executeUpdate();
        } catch (PersistenceException alreadyThere) {
            context.setRollbackOnly();
        }
    }

    private int increment(String unitEdocCode, LocalDate day) {
        return em.createNativeQuery(
                "UPDATE dossier_code_sequence SET last_number = last_number + 1 WHERE unit_edoc_code = ? AND code_date = ?")
            .setParameter(1, unitEdocCode).setParameter(2, Date.valueOf(day)).executeUpdate();
    }
}
