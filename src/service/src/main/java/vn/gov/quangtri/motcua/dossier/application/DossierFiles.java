package vn.gov.quangtri.motcua.dossier.application;

import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierFile;
import vn.gov.quangtri.motcua.dossier.domain.FileContent;
import vn.gov.quangtri.motcua.dossier.domain.FileName;
import vn.gov.quangtri.motcua.dossier.domain.FilePurpose;
import vn.gov.quangtri.motcua.dossier.domain.FileSource;
import vn.gov.quangtri.motcua.dossier.infrastructure.DossierRepository;
import vn.gov.quangtri.motcua.dossier.infrastructure.file.DatabaseFileStore;
import vn.gov.quangtri.motcua.dossier.infrastructure.file.DirectoryFileStore;
import vn.gov.quangtri.motcua.dossier.infrastructure.file.FileInspector;
import vn.gov.quangtri.motcua.dossier.infrastructure.file.TrustAnchors;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.Texts;

/**
 * The electronic files of dossiers (issue 15 §1): attaching a scan or upload to a component, listing, downloading
 * and withdrawing. Who may do what follows the dossier: a file is seen by whoever sees its dossier (another unit's
 * dossier and a missing one both answer 404), and attached or withdrawn by the desk officers, specialists and
 * leaders of the dossier's units. The bytes go to the configured {@link FileStore} ({@code motcua.files.store}:
 * {@code database}, the default, {@code directory} or {@code s3}) within the same transaction as the file's row.
 */
@Stateless
public class DossierFiles {

    /** Reason of a file whose detected type is not accepted (answered 415). */
    public static final String TYPE_NOT_ALLOWED = "FILE_TYPE_NOT_ALLOWED";
    /** Reason of a file larger than {@link FileRules#maxBytes()} (answered 413). */
    public static final String TOO_LARGE = "FILE_TOO_LARGE";

    private static final Set<Role> ATTACHING = EnumSet.of(Role.DESK_OFFICER, Role.SPECIALIST, Role.LEADER);

    /**
     * What the officer says of a file being attached.
     *
     * @param component position of the dossier component it copies, or null
     * @param purpose   when it is attached (null: {@link FilePurpose#INTAKE})
     * @param source    where it came from (null: {@link FileSource#DESK_SCAN})
     * @param digitised whether it counts as digitised, null for the source's default
     * @param reused    whether it counts as re-used data, null for the source's default
     * @param result    number, date and signer of a result document (purpose RESULT), or null
     */
    public record Attachment(Integer component, FilePurpose purpose, FileSource source, Boolean digitised,
                             Boolean reused, ResultParticulars result) {
    }

    /**
     * What a result document carries (issue 15 §2).
     *
     * @param number its number (số văn bản), may be null
     * @param date   its date, may be null
     * @param signer who signed it, as printed, may be null
     */
    public record ResultParticulars(String number, java.time.LocalDate date, String signer) {
    }

    /** A file's description with a stream of its bytes (the caller closes it). */
    public record Download(DossierFile file, InputStream content) {
    }

    @Inject
    private DossierRepository dossiers;

    @EJB
    private AccessControl access;

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @Inject
    private DatabaseFileStore database;

    @Inject
    private DirectoryFileStore directory;

    @Inject
    private vn.gov.quangtri.motcua.dossier.infrastructure.file.S3FileStore s3;

    @Inject
    private Clock clock;

    /**
     * Attaches a file to a dossier.
     *
     * @param code     the dossier's code
     * @param name     the file's name as given (kept exactly, NFC)
     * @param content  a temporary file holding the bytes (the caller deletes it)
     * @param given    what the officer says of it
     * @return the attached file
     * @throws NotFoundException      when the dossier does not exist or is outside the caller's units
     * @throws ForbiddenException     {@code ROLE_REQUIRED} for a caller who is not a desk officer, specialist or leader
     * @throws RuleViolationException {@link #TOO_LARGE}, {@link #TYPE_NOT_ALLOWED}, {@link FileName#INVALID},
     *                                {@code UNKNOWN_COMPONENT}, {@link FileInspector#UNREADABLE}, {@link FileInspector#EMPTY}
     * @throws ConflictException      {@code DOSSIER_CLOSED}: a file other than a result on a dossier already closed
     *                                (returned, refused, stopped): what was received cannot change afterwards, and the
     *                                digitisation figures count it (a wrongly signed result may still be replaced)
     */
    public DossierFile attach(String code, String name, Path content, Attachment given) {
        AccessScope scope = access.current();
        Dossier d = dossiers.find(code, scope);
        requireAttaching(scope);
        if (d.status().isTerminal() && (given == null || given.purpose() != FilePurpose.RESULT)) {
            throw new ConflictException("DOSSIER_CLOSED", "Dossier " + code + " is closed (" + d.status()
                + "): only a result file can still be attached");
        }
        return store(d, FileName.of(name), content, given, scope.username());
    }

    /**
     * Attaches a file that a partner system handed over with an inter-agency transfer (issue 15 §1), after its size
     * and SHA-256 were checked against the announcement: source {@link FileSource#PARTNER_TRANSFER}, purpose
     * {@link FilePurpose#INTAKE}, the same type and size rules as an officer's upload. No caller scope: the
     * transfer's receiver calls it in a system task.
     *
     * @param dossier   the child dossier
     * @param name      the name the sender gave
     * @param content   the bytes (the caller deletes the file)
     * @param component the component it copies, or null
     * @param by        who is recorded as attaching it (the exchange)
     * @throws RuleViolationException as {@link #attach}
     */
    public DossierFile attachReceived(Dossier dossier, String name, Path content, Integer component, String by) {
        Integer known = component != null && dossier.documents().stream().anyMatch(x -> x.position() == component)
            ? component : null;
        return store(dossier, FileName.of(name), content,
            new Attachment(known, FilePurpose.INTAKE, FileSource.PARTNER_TRANSFER, null, null, null), by);
    }

    /**
     * Attaches a file the applicant uploaded with an online submission on the national portal (issue 15 §3a), after
     * its size and SHA-256 were checked against the portal's announcement: source {@link FileSource#CITIZEN_UPLOAD},
     * purpose {@link FilePurpose#INTAKE}, the name exactly as the applicant gave it, the same type and size rules as an
     * officer's upload. No caller scope: the portal intake calls it in a system task, in the dossier's transaction.
     *
     * @param component the component it copies, or null (also when the procedure has no such component)
     * @param by        who is recorded as attaching it (the portal)
     * @throws RuleViolationException as {@link #attach}
     */
    public DossierFile attachFromPortal(Dossier dossier, String name, Path content, Integer component, String by) {
        Integer known = component != null && dossier.documents().stream().anyMatch(x -> x.position() == component)
            ? component : null;
        return store(dossier, FileName.of(name), content,
            new Attachment(known, FilePurpose.INTAKE, FileSource.CITIZEN_UPLOAD, null, null, null), by);
    }

    /**
     * The dossier's current electronic result: its latest file of purpose RESULT that is not withdrawn (issue 15 §2).
     * No caller scope: the caller has already found the dossier in its scope or verified the citizen's secret.
     */
    public java.util.Optional<DossierFile> currentResult(String code) {
        return em.createQuery("SELECT f FROM DossierFile f WHERE f.dossierCode = :code AND f.withdrawnAt IS NULL"
                + " AND f.purpose = :result ORDER BY f.id DESC", DossierFile.class)
            .setParameter("code", code).setParameter("result", FilePurpose.RESULT).setMaxResults(1).getResultList()
            .stream().findFirst();
    }

    /**
     * The bytes of a dossier's file for someone the caller has already authorised (the citizen's public lookup).
     *
     * @throws NotFoundException when the file is not the dossier's
     */
    public Download open(String code, long id) {
        DossierFile f = em.find(DossierFile.class, id);
        if (f == null || !f.dossierCode().equals(code)) {
            throw new NotFoundException("file", code + "/" + id);
        }
        try {
            return new Download(f, storeOf(f.storageKey()).open(f.storageKey()));
        } catch (IOException e) {
            throw new UncheckedIOException("the bytes of file " + id + " cannot be read", e);
        }
    }

    /**
     * The files of a dossier that go with an inter-agency transfer: not withdrawn, not a result (the co-operating
     * agency needs the dossier's papers, not our result), oldest first.
     */
    public List<DossierFile> transferable(String code) {
        return em.createQuery("SELECT f FROM DossierFile f WHERE f.dossierCode = :code AND f.withdrawnAt IS NULL"
                + " AND f.purpose <> :result ORDER BY f.id", DossierFile.class)
            .setParameter("code", code).setParameter("result", FilePurpose.RESULT).getResultList();
    }

    /**
     * A transferable file (see {@link #transferable}) of a dossier with its bytes, for the partner system a transfer
     * went to; no caller scope (the partner is authenticated by its key and checked against the transfer).
     *
     * @throws NotFoundException when the file is not one of the dossier's transferable files
     */
    public Download openTransferable(String code, long id) {
        DossierFile f = em.find(DossierFile.class, id);
        if (f == null || f.withdrawn() || f.purpose() == FilePurpose.RESULT) {
            throw new NotFoundException("file", code + "/" + id);
        }
        return open(code, id);
    }

    private DossierFile store(Dossier d, FileName fileName, Path content, Attachment given, String by) {
        FileRules rules = FileRules.current();
        try {
            if (java.nio.file.Files.size(content) > rules.maxBytes()) {
                throw tooLarge(rules);
            }
            FileContent measured = FileInspector.inspect(content, fileName, TrustAnchors.current());
            if (!rules.accepts(measured.mediaType())) {
                throw new RuleViolationException(TYPE_NOT_ALLOWED, "Files of type " + measured.mediaType()
                    + " are not accepted (the type is read from the content, not the name)",
                    List.of("file: accepted types are " + String.join(", ", rules.types())));
            }
            String key = store().put(content, measured.sha256());
            FileSource source = given.source() == null ? FileSource.DESK_SCAN : given.source();
            FilePurpose purpose = given.purpose() == null ? FilePurpose.INTAKE : given.purpose();
            DossierFile file = new DossierFile(d, given.component(), purpose, measured, source, given.digitised(),
                given.reused(), key, by, clock.instant());
            if (given.result() != null) {
                file.describeResult(given.result().number(), given.result().date(), given.result().signer());
            }
            em.persist(file);
            em.flush();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("the file could not be stored", e);
        }
    }

    /** The refusal of a file over the limit. */
    public static RuleViolationException tooLarge(FileRules rules) {
        return new RuleViolationException(TOO_LARGE, "The file is larger than the " + rules.maxMebibytes()
            + " MB accepted", List.of("file: at most " + rules.maxBytes() + " bytes"));
    }

    /**
     * The files of a dossier, oldest first, withdrawn ones included.
     *
     * @throws NotFoundException when the dossier does not exist or is outside the caller's units
     */
    public List<DossierFile> list(String code) {
        Dossier d = dossiers.find(code, access.current());
        return em.createQuery("SELECT f FROM DossierFile f WHERE f.dossierCode = :code ORDER BY f.id", DossierFile.class)
            .setParameter("code", d.code()).getResultList();
    }

    /**
     * A file of a dossier with its bytes.
     *
     * @throws NotFoundException when the dossier or the file does not exist, or the dossier is outside the caller's
     *                           units (all answer the same)
     */
    public Download download(String code, long id) {
        return open(code, file(code, id).id());
    }

    /**
     * Withdraws a file that was attached by mistake: it stays listed as withdrawn, with who, when and why.
     *
     * @throws NotFoundException      as {@link #download}
     * @throws ForbiddenException     {@code ROLE_REQUIRED} as {@link #attach}
     * @throws RuleViolationException {@code TEXT_REQUIRED} without a reason, {@code ALREADY_WITHDRAWN}
     */
    public DossierFile withdraw(String code, long id, String reason) {
        AccessScope scope = access.current();
        DossierFile f = file(code, id);
        requireAttaching(scope);
        f.withdraw(scope.username(), clock.instant(), Texts.required("reason", reason, true, Texts.LONG));
        return f;
    }

    private DossierFile file(String code, long id) {
        Dossier d = dossiers.find(code, access.current());
        DossierFile f = em.find(DossierFile.class, id);
        if (f == null || !f.dossierCode().equals(d.code())) {
            throw new NotFoundException("file", code + "/" + id);
        }
        return f;
    }

    private static void requireAttaching(AccessScope scope) {
        if (ATTACHING.stream().noneMatch(scope::has)) {
            throw new ForbiddenException("ROLE_REQUIRED",
                "Only desk officers, specialists and leaders of the dossier's unit attach or withdraw files");
        }
    }

    /** The store new files go to ({@code motcua.files.store}). */
    private FileStore store() {
        String kind = ConfigProvider.getConfig().getOptionalValue("motcua.files.store", String.class).orElse("database");
        return switch (kind) {
            case "directory" -> directory;
            case "s3" -> s3;
            default -> database;
        };
    }

    private FileStore storeOf(String key) {
        return key.startsWith(directory.prefix()) ? directory : key.startsWith(s3.prefix()) ? s3 : database;
    }
}
