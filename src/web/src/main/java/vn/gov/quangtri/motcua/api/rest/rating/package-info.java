/** REST resources of the rating context (issue 13 §2): the kiosk's API {@code /api/v1/kiosk}. */
package vn.gov.quangtri.motcua.api.rest.rating;
