/**
 * Screens of the rating context (issue 13 §2): the desk's kiosk ({@code KioskPage}, {@code /app/kiosk.xhtml}) and
 * the statistics for managers ({@code RatingsPage}, {@code /app/ratings.xhtml}). They call
 * {@code rating.application.RatingService} only.
 */
package vn.gov.quangtri.motcua.web.rating;
