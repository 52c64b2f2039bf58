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
import vn.gov.quangtri.motcua.shared.batch.TestHooks;

/**
 * Reads the ids of the open dossiers in id order, a page of 200 at a time. The checkpoint is the last id read in the
 * committed chunk, so a restart continues with the next dossier.
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

    private long lastId;
    private final Deque<Long> page = new ArrayDeque<>();
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        lastId = checkpoint == null ? 0 : (Long) checkpoint;
    }

    @Override
    public Object readItem() throws Exception {
        if (page.isEmpty() && !exhausted) {
            fill();
        }
        Long id = page.poll();
        if (id != null) {
            lastId = id;
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
