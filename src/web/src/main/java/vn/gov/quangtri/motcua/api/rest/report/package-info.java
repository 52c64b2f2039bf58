/** REST resources of reports for managers and inspectors ({@code /api/v1/reports/…}). */
package vn.gov.quangtri.motcua.api.rest.report;
