package vn.gov.quangtri.motcua.web.dossier;

import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.dossier.application.DossierSearch;

/**
 * A lazily paged table of dossiers (inbox, search): each page is one query of the dossier search, its rows
 * get their working time left at display time. PrimeFaces calls {@link #count} and then {@link #load} once per
 * render: the first runs only the count query, the second only the page query (issue 12: both used to run both).
 */
public class DossierRowModel extends LazyDataModel<DossierRow> {

    private static final long serialVersionUID = 1L;

    /** The underlying search: the count, the page, or both ({@link DossierSearch.Part}). */
    public interface Query extends Serializable {
        DossierSearch.Page page(int offset, int limit, DossierSearch.Part part);
    }

    /** The calendar and clock to compute time left with. */
    public interface Calendar extends Serializable {
        WorkingCalendar current();
    }

    private final Query query;
    private final Calendar calendar;
    private final Clock clock;
    private boolean totalCapped;

    public DossierRowModel(Query query, Calendar calendar, Clock clock) {
        this.query = query;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * The count stops at {@link DossierSearch#COUNT_BOUND}: past it the table has that many rows and says "more than
     * 10,000" ({@link #isTotalCapped()}).
     */
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        DossierSearch.Page counted = query.page(0, 1, DossierSearch.Part.COUNT);
        totalCapped = counted.totalCapped();
        return (int) counted.total();
    }

    /** Whether the last count stopped at the bound: there are more matches than the table's row count. */
    public boolean isTotalCapped() {
        return totalCapped;
    }

    @Override
    public List<DossierRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        // The row count was set from count() just before (DataTable.loadLazyData): only the page is read here.
        DossierSearch.Page page = query.page(first, Math.max(1, Math.min(pageSize, 500)), DossierSearch.Part.PAGE);
        var now = clock.instant();
        WorkingCalendar cal = calendar.current();
        return page.items().stream().map(d -> DossierRow.of(d, cal, now)).toList();
    }

    @Override
    public String getRowKey(DossierRow row) {
        return row.code();
    }
}
