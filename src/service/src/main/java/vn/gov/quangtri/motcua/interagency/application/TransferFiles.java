package vn.gov.quangtri.motcua.interagency.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.dossier.application.DossierFiles;
import vn.gov.quangtri.motcua.dossier.application.DossierStore;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierFile;
import vn.gov.quangtri.motcua.interagency.domain.InterAgencyTransfer;
import vn.gov.quangtri.motcua.interagency.domain.TransferFile;
import vn.gov.quangtri.motcua.interagency.domain.TransferPayload;
import vn.gov.quangtri.motcua.interagency.domain.TransferSide;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;

/**
 * The files that travel with an inter-agency transfer (issue 15 §1), by reference. The sender lists the parent
 * dossier's current files (not withdrawn, not a result) in the submit-transfer message and serves their bytes to the
 * partner the transfer went to ({@link #openForPartner}); the receiver records each announced file
 * ({@link #announce}), fetches it in the background (infrastructure {@code TransferFileFetcher}) and keeps it on the
 * child dossier only when its size and SHA-256 are the announced ones ({@link #receive}); otherwise it is refused with
 * the reason ({@link #refuse}) or tried again later ({@link #failed}, the outbox's back-off {@code motcua.outbox.*}).
 */
@Stateless
public class TransferFiles {

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @EJB
    private DossierFiles files;

    @Inject
    private DossierStore dossiers;

    @EJB
    private Outbox outbox;

    @EJB
    private AccessControl access;

    @Inject
    private Clock clock;

    /** What a sender announces for a dossier's transfer: its transferable files as references. */
    public List<TransferPayload.FileData> references(String dossierCode) {
        return files.transferable(dossierCode).stream().map(f -> new TransferPayload.FileData(f.id(),
            f.componentPosition(), f.fileName().value(), f.mediaType(), f.sizeBytes(), f.sha256())).toList();
    }

    /**
     * Records the files a received transfer announces (in the caller's transaction, with the child dossier).
     *
     * @param t         the transfer on the receiving side
     * @param child     the child dossier created for it
     * @param announced the files of the submit-transfer message
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void announce(InterAgencyTransfer t, Dossier child, List<TransferPayload.FileData> announced) {
        Instant now = clock.instant();
        for (TransferPayload.FileData f : announced) {
            em.persist(new TransferFile(t.transferId(), t.partnerCode(), child.code(), f, now));
        }
    }

    /** Announced files due for a fetch attempt, oldest first (system task). */
    public List<TransferFile> due(int limit) {
        requireSystem();
        return em.createNamedQuery("TransferFile.due", TransferFile.class)
            .setParameter("pending", TransferFile.State.PENDING).setParameter("now", clock.instant())
            .setMaxResults(limit).getResultList();
    }

    /**
     * Keeps fetched bytes as a file of the child dossier when they match the announcement (system task).
     *
     * @param id      the announced file
     * @param content the bytes fetched
     * @param size    their size
     * @param sha256  their SHA-256, hexadecimal
     * @return the file as now recorded (RECEIVED, or REFUSED when the bytes do not match)
     * @throws vn.gov.quangtri.motcua.shared.domain.RuleViolationException when our own file rules refuse the bytes
     *         (type, size, unreadable): nothing is kept; the caller records the refusal with {@link #refuse}
     */
    public TransferFile receive(long id, Path content, long size, String sha256) {
        requireSystem();
        TransferFile f = locked(id);
        if (f.state() != TransferFile.State.PENDING) {
            return f;
        }
        String mismatch = f.mismatch(size, sha256);
        if (mismatch != null) {
            f.refuse(mismatch, clock.instant());
            return f;
        }
        DossierFile kept = files.attachReceived(dossiers.find(f.dossierCode()), f.fileName(), content,
            f.componentPosition(), TransferService.EXCHANGE_ACTOR);
        f.received(kept.id(), clock.instant());
        return f;
    }

    /** Gives up on an announced file for good, with the reason (system task). */
    public TransferFile refuse(long id, String reason) {
        requireSystem();
        TransferFile f = locked(id);
        if (f.state() == TransferFile.State.PENDING) {
            f.refuse(reason, clock.instant());
        }
        return f;
    }

    /** Records a failed attempt that may pass; the next waits as the outbox's back-off says (system task). */
    public TransferFile failed(long id, String error) {
        requireSystem();
        TransferFile f = locked(id);
        if (f.state() == TransferFile.State.PENDING) {
            f.failed(error, clock.instant(), outbox.backoff());
        }
        return f;
    }

    /**
     * The announced files of a dossier received by transfer, in the order announced.
     *
     * @throws NotFoundException when the dossier does not exist or is outside the caller's units
     */
    public List<TransferFile> ofDossier(String code) {
        dossiers.find(code, access.current());
        return em.createNamedQuery("TransferFile.ofDossier", TransferFile.class).setParameter("code", code)
            .getResultList();
    }

    /**
     * A file of a transfer we sent, for the partner it was sent to.
     *
     * @param partnerCode the authenticated partner
     * @param transferId  the transfer
     * @param fileId      the file's id as announced
     * @throws NotFoundException for an unknown transfer, a transfer to another partner, or a file that is not one of
     *                           the parent's transferable files (all answer the same)
     */
    public DossierFiles.Download openForPartner(String partnerCode, String transferId, long fileId) {
        InterAgencyTransfer t = em.createNamedQuery("InterAgencyTransfer.find", InterAgencyTransfer.class)
            .setParameter("id", transferId).setParameter("side", TransferSide.SENDER).getResultList().stream()
            .findFirst().orElse(null);
        if (t == null || !t.partnerCode().equals(partnerCode)) {
            throw new NotFoundException("file", transferId + "/" + fileId);
        }
        return files.openTransferable(t.parentCode(), fileId);
    }

    private TransferFile locked(long id) {
        TransferFile f = em.find(TransferFile.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (f == null) {
            throw new NotFoundException("transfer file", String.valueOf(id));
        }
        return f;
    }

    private void requireSystem() {
        access.current().requireAny(Role.SYSTEM_ADMIN);
    }
}
