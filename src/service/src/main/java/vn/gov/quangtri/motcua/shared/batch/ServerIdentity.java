package vn.gov.quangtri.motcua.shared.batch;

import java.net.InetAddress;
import java.util.UUID;

/** This server's name ({@code host/instance}) and the random id of its current start, for {@link LockOwner}. */
final class ServerIdentity {

    private static final String BOOT = UUID.randomUUID().toString().substring(0, 8);
    private static final String SERVER = host() + "/" + System.getProperty("com.sun.aas.instanceName", "server");

    private ServerIdentity() {
    }

    /** A new owner for one start of an execution. */
    static LockOwner newOwner() {
        return new LockOwner(SERVER, BOOT, UUID.randomUUID().toString().substring(0, 8));
    }

    /** This server with an empty token (for staleness checks). */
    static LockOwner me() {
        return new LockOwner(SERVER, BOOT, "");
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
