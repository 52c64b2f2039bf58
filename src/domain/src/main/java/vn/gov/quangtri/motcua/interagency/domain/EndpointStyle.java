package vn.gov.quangtri.motcua.interagency.domain;

/** How a partner system is called: JSON over HTTP (JAX-RS) or SOAP. */
public enum EndpointStyle {
    REST, SOAP
}
