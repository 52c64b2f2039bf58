package vn.gov.quangtri.motcua.dossier.batch;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.shared.batch.StepProgress;
import vn.gov.quangtri.motcua.shared.batch.TestHooks;

/**
 * Reads the ids of the open dossiers in id order, a page of 200 at a time. The checkpoint is the last id read in the
 * committed chunk, so a restart continues with the next dossier; it is also stored in our history
 * ({@link StepProgress}), so a new execution that follows an abandoned one (a crash) continues after it.
 */
@Named("deadlineSweepReader")
@Dependent
public class DeadlineSweepReader extends AbstractItemReader {

    static final int PAGE = 200;

    @Resource(lookup = "jdbc/motcua")
    private DataSource ds;

    @Inject
    @BatchProperty(name = "itemPauseMs")
    private String itemPauseMs;


    @Inject
    private jakarta.batch.runtime.context.StepContext step;

    @Inject
    private jakarta.batch.runtime.context.JobContext jobContext;

    private long lastId;
    private final Deque<Long> page = new ArrayDeque<>();
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        String resume = checkpoint == null ? StepProgress.resumePoint(jobContext, step) : null;
        lastId = checkpoint != null ? (Long) checkpoint : resume != null ? Long.parseLong(resume) : 0;
    }

    @Override
    public Object readItem() throws Exception {
        if (page.isEmpty() && !exhausted) {
            fill();
        }
        Long id = page.poll();
        if (id != null) {
            lastId = id;
            StepProgress.of(step).position(id);
            TestHooks.pause(TestHooks.number(itemPauseMs));
        }
        return id;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastId;
    }

    private void fill() throws Exception {
        String open = DossierStatus.open().stream().map(s -> "'" + s.name() + "'").sorted()
            .collect(Collectors.joining(","));
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM dossier WHERE status IN (" + open
                 + ") AND id > ? ORDER BY id")) {
            ps.setLong(1, lastId);
            ps.setMaxRows(PAGE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(rs.getLong(1));
                }
            }
        }
        exhausted = page.size() < PAGE;
    }
}
