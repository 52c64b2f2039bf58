package vn.gov.quangtri.motcua.agency.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;
import vn.gov.quangtri.motcua.shared.domain.TextSearch;

/** Reads the agency hierarchy (agencies valid on a date, filtered by level, parent or name). */
@Stateless
public class AgencyService {

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    /**
     * Lists agencies, ordered by code.
     *
     * @param validOn  only units existing on this Vietnam-local date; null for all, past and present
     * @param level    only this level, or null
     * @param parent   only direct children of this agency code, or null
     * @param text     name contains this text, compared without diacritics; null for any
     */
    public List<Agency> list(LocalDate validOn, AgencyLevel level, String parent, String text) {
        String folded = text == null || text.isBlank() ? null : TextSearch.fold(text);
        return em.createNamedQuery("Agency.findAll", Agency.class).getResultList().stream()
            .filter(a -> validOn == null || a.isValidOn(validOn))
            .filter(a -> level == null || a.level() == level)
            .filter(a -> parent == null || (a.parent() != null && a.parent().code().equals(parent)))
            .filter(a -> folded == null || TextSearch.fold(a.name()).contains(folded)
                || a.code().toLowerCase(Locale.ROOT).contains(folded))
            .toList();
    }

    /**
     * @throws NotFoundException when no agency has that code
     */
    public Agency find(String code) {
        Agency agency = em.find(Agency.class, code);
        if (agency == null) {
            throw new NotFoundException("agency", code);
        }
        return agency;
    }
}
