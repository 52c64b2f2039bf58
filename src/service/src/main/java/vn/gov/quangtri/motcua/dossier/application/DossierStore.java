package vn.gov.quangtri.motcua.dossier.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.infrastructure.DossierCodeSequence;
import vn.gov.quangtri.motcua.dossier.infrastructure.DossierRepository;

/**
 * What other contexts' use cases need of the dossier store, so that they depend on this application package and
 * never on {@code dossier.infrastructure} (docs/architecture.md, Packages): find a dossier, lock it, add a new one,
 * allocate the number of a dossier code, flush. Used by the inter-agency exchange (a child dossier received by
 * transfer, the parent locked for a partner's news) and the start-up sample data.
 *
 * <p>No caller check happens here: the callers are trusted paths that check their own caller (a partner
 * authenticated by its API key, start-up work) or go through {@link DossierChanges} for an officer's change. Joins
 * the caller's transaction.
 */
@ApplicationScoped
public class DossierStore {

    @Inject
    private DossierRepository dossiers;

    @EJB
    private DossierCodeSequence sequence;

    /**
     * @throws vn.gov.quangtri.motcua.shared.domain.NotFoundException when there is none
     */
    public Dossier find(String code) {
        return dossiers.find(code);
    }

    /**
     * The dossier when the scope covers its unit ({@link DossierRepository#find(String, AccessScope)}).
     *
     * @throws vn.gov.quangtri.motcua.shared.domain.NotFoundException when there is none or it is outside the scope
     */
    public Dossier find(String code, AccessScope scope) {
        return dossiers.find(code, scope);
    }

    /** Finds and locks a dossier (row lock, version incremented) for trusted work that checks no caller. */
    public Dossier findForUpdate(String code) {
        return dossiers.findForUpdate(code);
    }

    /** Stores a new dossier with its documents, steps and first history event. */
    public void add(Dossier dossier) {
        dossiers.add(dossier);
    }

    /** Writes pending changes now, so that constraint or version conflicts surface inside the service. */
    public void flush() {
        dossiers.flush();
    }

    /**
     * The next number of the day's dossier codes of a unit, under a row lock in the caller's transaction.
     *
     * @return 1, 2, … (the caller refuses values above 9999)
     */
    public int nextNumber(String unitEdocCode, LocalDate day) {
        return sequence.next(unitEdocCode, day);
    }
}
