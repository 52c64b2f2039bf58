package vn.gov.quangtri.motcua.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primefaces.event.SelectEvent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimitUnit;
import vn.gov.quangtri.motcua.catalogue.application.CatalogueService;
import vn.gov.quangtri.motcua.catalogue.application.ProcedurePage;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.shared.domain.TextSearch;

/**
 * The procedure catalogue for administrators: search by name (diacritics optional) or code and by field, and
 * open a procedure (its name, or anywhere on its row) in the editor, {@link ProcedureEditor}.
 */
@Named
@ViewScoped
public class ProceduresPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private ProcedureRow selected;

    @EJB
    private CatalogueService catalogue;

    @Inject
    private AdminActions actions;

    @Inject
    private ProcedureEditor editor;

    private String text;
    private String field;
    private LazyDataModel<ProcedureRow> rows;
    private List<String> fields;

    @PostConstruct
    void init() {
        rows = new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return (int) catalogue.search(text, field, null, 0, 1).total();
            }

            @Override
            public List<ProcedureRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                           Map<String, FilterMeta> filterBy) {
                ProcedurePage page = catalogue.search(text, field, null, first, Math.max(1, Math.min(pageSize, 500)));
                setRowCount((int) page.total());
                return page.items().stream().map(ProcedureRow::of).toList();
            }

            @Override
            public String getRowKey(ProcedureRow row) {
                return row.code();
            }

            @Override
            public ProcedureRow getRowData(String rowKey) {
                // the row of the page shown (a click selects a row of the current page)
                List<ProcedureRow> shown = getWrappedData();
                ProcedureRow row = shown == null ? null
                    : shown.stream().filter(r -> r.code().equals(rowKey)).findFirst().orElse(null);
                if (row == null) {
                    Procedure p = actions.run(() -> catalogue.find(rowKey));
                    row = p == null ? null : ProcedureRow.of(p);
                }
                return row;
            }
        };
    }

    /** Fields (lĩnh vực) of the catalogue, sorted. */
    public List<String> getFields() {
        if (fields == null) {
            fields = new ArrayList<>(catalogue.fields());
        }
        return fields;
    }

    /** Fields containing the typed text (diacritics optional), for the field box. */
    public List<String> completeField(String query) {
        String q = query == null ? "" : TextSearch.fold(query);
        return getFields().stream().filter(f -> TextSearch.fold(f).contains(q))
            .limit(30).toList();
    }

    /** Opens a procedure in the editor ({@link ProcedureEditor}). */
    public void edit(String procedureCode) {
        editor.edit(procedureCode);
    }

    /** Opens the procedure of a clicked catalogue row in the editor (anywhere on the row, not only its name). */
    public void onRowSelect(SelectEvent<ProcedureRow> event) {
        if (event.getObject() != null) {
            edit(event.getObject().code());
        }
    }

    public ProcedureRow getSelected() {
        return selected;
    }

    public void setSelected(ProcedureRow selected) {
        this.selected = selected;
    }

    public LazyDataModel<ProcedureRow> getRows() {
        return rows;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    /**
     * A procedure in the search result.
     *
     * @param code      code
     * @param name      name
     * @param field     field
     * @param limitValue time limit value, or null
     * @param limitUnit  time limit unit, or null when the procedure has no limit
     * @param revision  revision
     * @param reviewed  whether reviewed (documents and process entered)
     */
    public record ProcedureRow(String code, String name, String field, BigDecimal limitValue, TimeLimitUnit limitUnit,
                               int revision, boolean reviewed) implements Serializable {

        static ProcedureRow of(Procedure p) {
            TimeLimit t = p.timeLimit();
            return new ProcedureRow(p.code(), p.name(), p.field(), t == null ? null : t.value(), t == null ? null : t.unit(),
                p.revision(), p.reviewed());
        }
    }
}
