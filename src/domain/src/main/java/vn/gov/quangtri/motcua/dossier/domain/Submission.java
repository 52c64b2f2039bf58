package vn.gov.quangtri.motcua.dossier.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;

/**
 * What an applicant lodged (nộp hồ sơ) and where: the facts every new dossier starts from, whatever the intake
 * outcome (received, supplement requested, refused, submitted online, or received by inter-agency transfer).
 *
 * @param code            the dossier code assigned now, for life
 * @param procedure       the procedure's current catalogue revision (its snapshot is kept)
 * @param receivingAgency the unit whose desk receives it
 * @param channel         at the desk, by post or online
 * @param applicant       the applicant
 * @param documents       the documents handed in, in order (may be empty)
 * @param at              the moment of submission or receipt
 */
public record Submission(DossierCode code, Procedure procedure, Agency receivingAgency,
                         Channel channel, Applicant applicant, List<DocumentLine> documents, Instant at) {

    public Submission {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(receivingAgency, "receivingAgency");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(at, "at");
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
