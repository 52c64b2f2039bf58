package vn.gov.quangtri.motcua.catalogue.domain;

/** Implementing level (cấp thực hiện) of a procedure, as the national database lists it. */
public enum ProcedureLevel {
    MINISTRY, PROVINCE, DISTRICT, COMMUNE, OTHER
}
