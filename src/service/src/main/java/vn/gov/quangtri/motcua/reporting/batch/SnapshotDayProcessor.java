package vn.gov.quangtri.motcua.reporting.batch;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import vn.gov.quangtri.motcua.reporting.application.StatisticsSnapshots;

/** Computes the rows of a day from the dossiers ({@link StatisticsSnapshots#computeDay}). */
@Named("snapshotDayProcessor")
@Dependent
public class SnapshotDayProcessor implements ItemProcessor {

    @EJB
    private StatisticsSnapshots snapshots;

    @Override
    public Object processItem(Object item) {
        SnapshotDay d = (SnapshotDay) item;
        return new SnapshotDay(d.day(), d.firstDay(), snapshots.computeDay(d.day()));
    }
}
