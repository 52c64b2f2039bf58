package vn.gov.quangtri.motcua.dossier.domain;

/** How the dossier was submitted (cách thức nộp), with the national portal's {@code KenhThucHien} code. */
public enum Channel {
    /** At the One-stop Unit's desk. */
    DIRECT(1),
    /** Online through the National Public Service Portal. */
    ONLINE(2),
    /** By the public postal service. */
    POSTAL(3);

    private final int portalCode;

    Channel(int portalCode) {
        this.portalCode = portalCode;
    }

    /** {@code KenhThucHien}: 1 direct, 2 online, 3 postal. */
    public int portalCode() {
        return portalCode;
    }
}
