/** Adapters of the rating context: {@code RatingWorkbook} (the statistics as an .xlsx file, Apache POI). */
package vn.gov.quangtri.motcua.rating.infrastructure;
