/** The batch jobs over REST for system administrators (issue 14 §1). */
package vn.gov.quangtri.motcua.api.rest.batch;
