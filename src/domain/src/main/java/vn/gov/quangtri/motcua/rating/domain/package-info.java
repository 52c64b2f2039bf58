/**
 * The citizens' satisfaction rating of a returned dossier (issue 13 §2; Decree 61/2018/NĐ-CP art. 32–33,
 * docs/domain.md §2.13): {@link vn.gov.quangtri.motcua.rating.domain.Rating} with its raw answer per criterion,
 * the criteria ({@link vn.gov.quangtri.motcua.rating.domain.RatingCriterion}), levels
 * ({@link vn.gov.quangtri.motcua.rating.domain.RatingLevel}) and the statistics' tally
 * ({@link vn.gov.quangtri.motcua.rating.domain.SatisfactionTally}). Plain Java with JPA annotations; uses the
 * dossier domain (read only) and {@code shared.domain}.
 */
package vn.gov.quangtri.motcua.rating.domain;
